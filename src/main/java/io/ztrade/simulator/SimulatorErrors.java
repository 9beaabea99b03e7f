package io.ztrade.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors as Alpaca writes them, {@code {"code": ..., "message": ...}}, naming what was wrong; never a stack trace.
 */
@RestControllerAdvice(basePackages = "io.ztrade.simulator")
@Order(Ordered.HIGHEST_PRECEDENCE)
@Conditional(SimulatorEnabled.class)
class SimulatorErrors {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorErrors.class);

    @ExceptionHandler(OrderRefused.class)
    ResponseEntity<Object> refused(OrderRefused e) {
        return AlpacaJson.error(e.status, e.code, e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missing(MissingServletRequestParameterException e) {
        return AlpacaJson.error(400, 40010000, e.getParameterName() + " is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> mistyped(MethodArgumentTypeMismatchException e) {
        return AlpacaJson.error(400, 40010000, e.getName() + " has an invalid value '" + e.getValue() + "'");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        return AlpacaJson.error(400, 40010000, "request body must be a JSON object");
    }

    /** Spring's own 4xx (wrong method, media type): its status, Alpaca's shape. */
    @ExceptionHandler(jakarta.servlet.ServletException.class)
    ResponseEntity<Object> framework(jakarta.servlet.ServletException e) {
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            int status = spring.getStatusCode().value();
            return AlpacaJson.error(status, status * 100_000, String.valueOf(spring.getBody().getDetail()));
        }
        LOG.error("simulator request failed", e);
        return AlpacaJson.error(500, 50010000, "internal server error");
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Object> unexpected(RuntimeException e) {
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            int status = spring.getStatusCode().value();
            return AlpacaJson.error(status, status * 100_000, String.valueOf(spring.getBody().getDetail()));
        }
        LOG.error("simulator request failed", e);
        return AlpacaJson.error(500, 50010000, "internal server error");
    }
}
