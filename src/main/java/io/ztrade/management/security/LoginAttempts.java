package io.ztrade.management.security;

import io.ztrade.desk.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The outcome of each login attempt that got past {@link LoginThrottleFilter}, form or HTTP Basic: every failure is
 * logged (CR/LF escaped: the name is the attacker's text) and audited as {@code LOGIN_FAILED} with who, when and from
 * where, and counted; a success clears the counters.
 */
class LoginAttempts {

    private static final Logger LOG = LoggerFactory.getLogger("io.ztrade.security");

    private final LoginThrottle throttle;
    private final AuditLog audit;

    LoginAttempts(LoginThrottle throttle, AuditLog audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        String address = addressOf(event.getAuthentication());
        Duration wait = throttle.failed(username, address);
        String reason = event.getException().getClass().getSimpleName();
        LOG.warn("Login failed for user '{}' from {} ({}); {}", escape(username), escape(address), reason,
                wait.isZero() ? "no back-off yet" : "next attempt in " + Math.max(1, wait.toSeconds()) + " s");
        try {
            audit.recordAttempt(username, address, "LOGIN_FAILED", username, reason
                    + (wait.isZero() ? "" : "; back-off " + Math.max(1, wait.toSeconds()) + " s"));
        } catch (RuntimeException e) {
            // a database outage must not turn a wrong password into a 500; the log line above still tells
            LOG.warn("Could not audit a failed login: {}", e.getClass().getSimpleName());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName(), addressOf(event.getAuthentication()));
    }

    private static String addressOf(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        HttpServletRequest request = AuditLog.currentRequest();
        return request == null ? null : request.getRemoteAddr();
    }

    /** A value as it may be logged: at most 256 characters, control characters escaped ({@link AuditLog#escape}). */
    static String escape(String text) {
        return text == null ? "unknown"
                : text.length() > 256 ? AuditLog.escape(text.substring(0, 256)) + "..." : AuditLog.escape(text);
    }
}
