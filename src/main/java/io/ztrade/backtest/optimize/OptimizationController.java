package io.ztrade.backtest.optimize;

import io.ztrade.agent.NotFoundException;
import io.ztrade.backtest.BacktestSlots;
import io.ztrade.management.ApiErrors;
import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Optimisations over the API, as backtests are: {@code POST /api/optimizations} checks the request at once (400 or
 * 404 saying what is wrong, 429 with {@code Retry-After} when every backtest slot is taken) and answers
 * {@code 202 {"id": ...}}; {@code GET /api/optimizations/{id}} gives status and trials done, then the result (the
 * best parameter sets with their reports, every trial for a heatmap, the walk-forward windows).
 */
@RestController
@RequestMapping("/api/optimizations")
class OptimizationController {

    private final Optimizations optimizations;

    OptimizationController(Optimizations optimizations) {
        this.optimizations = optimizations;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> start(@RequestBody(required = false) OptimizationSpec spec, Principal user) {
        OptimizationJob job = optimizations.submit(spec, user.getName(), Optimizer.Listener.NONE);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", job.id()));
    }

    @GetMapping("/{id}")
    OptimizationJob.View get(@PathVariable String id) {
        return optimizations.find(id).map(OptimizationJob::view)
                .orElseThrow(() -> new OptimizationNotFoundException("no optimisation '" + id + "'"));
    }

    /** Every slot taken: come back later, when a backtest or optimisation may have finished. */
    @ExceptionHandler(BacktestSlots.BusyException.class)
    ResponseEntity<ApiErrors.ApiError> busy(BacktestSlots.BusyException e) {
        HttpStatus status = HttpStatus.TOO_MANY_REQUESTS;
        return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(new ApiErrors.ApiError(status.value(), status.getReasonPhrase(), e.getMessage(), Instant.now()));
    }

    static class OptimizationNotFoundException extends NotFoundException {
        OptimizationNotFoundException(String message) {
            super(message);
        }
    }
}
