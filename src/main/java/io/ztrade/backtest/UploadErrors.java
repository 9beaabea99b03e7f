package io.ztrade.backtest;

import io.ztrade.management.ApiErrors;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload too large is refused while the request is read, before any controller is chosen, so a controller's own
 * handler never sees it: this one (for every handler) answers 413 naming the limit.
 */
@RestControllerAdvice
class UploadErrors {

    private final BacktestProperties limits;

    UploadErrors(BacktestProperties limits) {
        this.limits = limits;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiErrors.ApiError> tooLarge(MaxUploadSizeExceededException e) {
        HttpStatus status = HttpStatus.PAYLOAD_TOO_LARGE;
        DataSize max = limits.maxCsvSize();
        String size = max.toBytes() % (1 << 20) == 0 ? max.toMegabytes() + "MB" : max.toKilobytes() + "KB";
        return ResponseEntity.status(status).body(new ApiErrors.ApiError(status.value(), status.getReasonPhrase(),
                "upload larger than ztrade.backtest.max-csv-size (" + size + "); backtest a shorter range or raise the limit",
                Instant.now()));
    }
}
