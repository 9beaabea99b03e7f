package io.ztrade.management;

import io.ztrade.provider.SecretMasker;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.context.request.WebRequest;

/**
 * The error page's body ({@code /error}, for everything the API's {@link ApiErrors} does not answer): a deliberate
 * error (a status with a reason, {@link ErrorResponse}) keeps its message, secrets masked; an unexpected one (an
 * {@code OutOfMemoryError}, a {@code NullPointerException}, a SQL failure) says only that it happened and under which
 * id the server log has it, never the JVM's text ({@code server.error.include-message} stays {@code always} for the
 * deliberate ones).
 */
@Component
class UserFacingErrorAttributes extends DefaultErrorAttributes {

    private final SecretMasker secrets;

    UserFacingErrorAttributes(SecretMasker secrets) {
        this.secrets = secrets;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(webRequest, options);
        Throwable error = getError(webRequest);
        attributes.remove("exception");
        attributes.remove("trace");
        if (error != null && !(error instanceof ErrorResponse)) {
            String id = (String) webRequest.getAttribute(UnexpectedErrors.ID_ATTRIBUTE, WebRequest.SCOPE_REQUEST);
            if (id == null) {
                id = UnexpectedErrors.log(error, String.valueOf(attributes.get("path")));
                webRequest.setAttribute(UnexpectedErrors.ID_ATTRIBUTE, id, WebRequest.SCOPE_REQUEST);
            }
            attributes.put("message", UnexpectedErrors.message(id));
            attributes.remove("errors");
        } else if (attributes.get("message") instanceof String message) {
            attributes.put("message", secrets.mask(message));
        }
        return attributes;
    }
}
