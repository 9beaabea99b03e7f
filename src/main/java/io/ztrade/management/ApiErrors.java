package io.ztrade.management;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.ztrade.agent.NotFoundException;
import io.ztrade.agent.UnknownAgentException;
import io.ztrade.provider.SecretMasker;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Clear JSON errors for the API: what was wrong, never a stack trace. Deliberate errors keep their message (secrets
 * masked); anything unexpected answers 500 with an id that the server log has the details under.
 */
// every feature package with a controller; the simulator answers in Alpaca's own error shape (SimulatorErrors)
@RestControllerAdvice(basePackages = {"io.ztrade.management", "io.ztrade.agent", "io.ztrade.backtest", "io.ztrade.desk",
        "io.ztrade.market", "io.ztrade.records", "io.ztrade.reconcile", "io.ztrade.portfolio"})
public class ApiErrors {

    private final SecretMasker secrets;

    public ApiErrors(SecretMasker secrets) {
        this.secrets = secrets;
    }

    public record ApiError(int status, String error, String message, Instant timestamp) {
    }

    @ExceptionHandler({UnknownAgentException.class, NotFoundException.class})
    ResponseEntity<ApiError> notFound(RuntimeException e) {
        return body(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ApiError> badRequest(Exception e) {
        return body(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** Jackson's own message names Java types and tokens: say where in the JSON it went wrong instead. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadableBody(HttpMessageNotReadableException e) {
        return body(HttpStatus.BAD_REQUEST, unreadable(e.getMostSpecificCause()));
    }

    static String unreadable(Throwable cause) {
        if (cause instanceof JsonParseException parse && parse.getLocation() != null) {
            return "request body is not valid JSON (line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ")";
        }
        if (cause instanceof JsonMappingException mapping) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return field.isEmpty() ? "request body has the wrong shape: a JSON object is expected"
                    : "request body: '" + field + "' has the wrong type or shape";
        }
        return "request body is missing or is not readable JSON";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, "parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'");
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ApiError> unavailable(IllegalStateException e) {
        return body(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    /**
     * Anything else: an OutOfMemoryError (which arrives wrapped), a NullPointerException, a SQL failure. Spring's own
     * answers (405, 415, a status with a reason) and the security's 401/403 are left to them.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof ErrorResponse || e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        String id = UnexpectedErrors.log(e, request.getMethod() + " " + request.getRequestURI());
        return body(HttpStatus.INTERNAL_SERVER_ERROR, UnexpectedErrors.message(id));
    }

    private ResponseEntity<ApiError> body(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), secrets.mask(message),
                Instant.now()));
    }
}
