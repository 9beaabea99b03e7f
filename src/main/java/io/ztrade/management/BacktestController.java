package io.ztrade.management;

import io.ztrade.replay.BacktestSpec;
import io.ztrade.replay.Backtests;
import io.ztrade.replay.ReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backtests over the API: {@code POST /api/backtests} checks the request at once (400 or 404 saying what is wrong)
 * and answers {@code 202 {"id": ...}}; {@code GET /api/backtests/{id}} gives status and progress, then the report;
 * {@code GET /api/backtests/{id}/files/{name}} the charts, trades and report files.
 */
@RestController
@RequestMapping("/api/backtests")
class BacktestController {

    private static final Map<String, MediaType> FILES = Map.of(
            ReportFiles.REPORT, MediaType.APPLICATION_JSON,
            ReportFiles.EQUITY_CHART, MediaType.IMAGE_PNG,
            ReportFiles.DRAWDOWN_CHART, MediaType.IMAGE_PNG,
            ReportFiles.TRADES, MediaType.parseMediaType("text/csv"));

    private final Backtests backtests;

    BacktestController(Backtests backtests) {
        this.backtests = backtests;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> start(@RequestBody(required = false) BacktestSpec spec) {
        Backtests.Job job = backtests.submit(spec);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", job.id()));
    }

    /** The latest backtests, newest first: what the runs console lists and charts. */
    @GetMapping
    List<Backtests.View> latest(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be between 1 and 100, got " + limit);
        }
        return backtests.latest(limit).stream().map(Backtests.Job::view).toList();
    }

    @GetMapping("/{id}")
    Backtests.View get(@PathVariable String id) {
        return job(id).view();
    }

    @GetMapping("/{id}/files/{name}")
    ResponseEntity<Resource> file(@PathVariable String id, @PathVariable String name) {
        Backtests.Job job = job(id);
        MediaType type = FILES.get(name);
        Path file = job.dir().resolve(name);
        if (type == null || !Files.exists(file)) {
            throw new BacktestNotFoundException("backtest " + id + " has no file '" + name + "'; files: " + FILES.keySet());
        }
        return ResponseEntity.ok().contentType(type).body(new FileSystemResource(file));
    }

    private Backtests.Job job(String id) {
        return backtests.find(id).orElseThrow(() -> new BacktestNotFoundException("no backtest '" + id + "'"));
    }

    static class BacktestNotFoundException extends RuntimeException {
        BacktestNotFoundException(String message) {
            super(message);
        }
    }
}
