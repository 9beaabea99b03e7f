package io.ztrade.backtest;

import io.ztrade.agent.NotFoundException;
import io.ztrade.management.ApiErrors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Backtests over the API: {@code POST /api/backtests} checks the request at once (400 or 404 saying what is wrong,
 * 429 with {@code Retry-After} when every backtest slot is taken) and answers {@code 202 {"id": ...}};
 * {@code GET /api/backtests/{id}} gives status and progress, then the report; {@code GET /api/backtests/{id}/files/{name}}
 * the charts, trades and report files. The same POST as {@code multipart/form-data} takes a part {@code spec} (the
 * JSON) and a part {@code bars} (the CSV), for bars the server does not have.
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
    private final ObjectMapper json;

    BacktestController(Backtests backtests, ObjectMapper json) {
        this.backtests = backtests;
        this.json = json;
    }

    /** JSON (any request that is not an upload, as before uploads were taken). */
    @PostMapping
    ResponseEntity<Map<String, String>> start(@RequestBody(required = false) BacktestSpec spec, Principal user) {
        BacktestJob job = backtests.submit(spec, null, user.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", job.id()));
    }

    /** The spec as a form field or a JSON part, the bars as a file part; the upload is parsed and kept for this job only. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, String>> upload(@RequestParam("spec") String spec, @RequestPart("bars") MultipartFile bars,
                                               Principal user) {
        BacktestSpec parsed;
        try {
            parsed = json.readValue(spec, BacktestSpec.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new IllegalArgumentException("part 'spec' is not a backtest in JSON" + where
                    + ", e.g. {\"agent\":\"agent_tsla\",\"from\":\"2025-01-02\",\"to\":\"2025-06-30\"}");
        }
        if (parsed != null && parsed.csv() != null) {
            throw new IllegalArgumentException("an upload takes no 'csv' name: the part 'bars' is the bars file");
        }
        String name = bars.getOriginalFilename() == null || bars.getOriginalFilename().isBlank() ? "upload"
                : Path.of(bars.getOriginalFilename().replace('\\', '/')).getFileName().toString();
        BacktestJob job = backtests.submit(parsed, new CsvHistory.Source(name, bars::getInputStream), user.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", job.id()));
    }

    /** The latest backtests, newest first: what the runs console lists and charts. */
    @GetMapping
    List<BacktestJob.View> latest(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be between 1 and 100, got " + limit);
        }
        return backtests.latest(limit).stream().map(BacktestJob::view).toList();
    }

    @GetMapping("/{id}")
    BacktestJob.View get(@PathVariable String id) {
        return backtests.view(id).orElseThrow(() -> new BacktestNotFoundException("no backtest '" + id + "'"));
    }

    @GetMapping("/{id}/files/{name}")
    ResponseEntity<Resource> file(@PathVariable String id, @PathVariable String name) {
        MediaType type = FILES.get(name);
        Path file = backtests.dir(id).map(dir -> dir.resolve(type == null ? ReportFiles.REPORT : name)).orElse(null);
        if (type == null || file == null || !Files.exists(file)) {
            throw new BacktestNotFoundException("backtest " + id + " has no file '" + name + "'; files: " + FILES.keySet());
        }
        return ResponseEntity.ok().contentType(type).body(new FileSystemResource(file));
    }

    /** Every slot taken: come back later, when a backtest may have finished. */
    @ExceptionHandler(BacktestSlots.BusyException.class)
    ResponseEntity<ApiErrors.ApiError> busy(BacktestSlots.BusyException e) {
        HttpStatus status = HttpStatus.TOO_MANY_REQUESTS;
        return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(new ApiErrors.ApiError(status.value(), status.getReasonPhrase(), e.getMessage(), Instant.now()));
    }

    /** An upload without its parts. */
    @ExceptionHandler({org.springframework.web.multipart.support.MissingServletRequestPartException.class,
            org.springframework.web.bind.MissingServletRequestParameterException.class})
    ResponseEntity<ApiErrors.ApiError> missingPart(Exception e) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(new ApiErrors.ApiError(status.value(), status.getReasonPhrase(),
                "an upload takes two parts: 'spec' (the backtest as JSON) and 'bars' (the CSV file)", Instant.now()));
    }

    static class BacktestNotFoundException extends NotFoundException {
        BacktestNotFoundException(String message) {
            super(message);
        }
    }
}
