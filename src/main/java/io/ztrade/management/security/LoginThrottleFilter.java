package io.ztrade.management.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a login attempt (the login form's POST, or any request with HTTP Basic credentials) while its user or its
 * address is in back-off: HTTP 429 with {@code Retry-After}, before the password is even looked at, so guessing
 * during a back-off learns nothing. {@link LoginAttempts} counts the outcomes of the attempts let through.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger("io.ztrade.security");

    /**
     * The login form's POST, matched as Spring Security's form login matches it: on the decoded path, so
     * {@code /%6cogin} (which form login takes as a login) is throttled too.
     */
    private static final RequestMatcher LOGIN_FORM = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    private final LoginThrottle throttle;
    private final LoginPage page;

    LoginThrottleFilter(LoginThrottle throttle, LoginPage page) {
        this.throttle = throttle;
        this.page = page;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = attemptedUser(request);
        Optional<Duration> wait = username == null ? Optional.empty() : throttle.waitFor(username, request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        LOG.warn("Login refused without checking the password: user '{}' from {} is in back-off for {} s",
                LoginAttempts.escape(username), LoginAttempts.escape(request.getRemoteAddr()), seconds);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        String accept = request.getHeader("Accept");
        if (LOGIN_FORM.matches(request) && accept != null && accept.contains("text/html")) {
            // a browser's form: the login page again, saying why and for how long (still 429 with Retry-After)
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(page.html(request, "Too many failed logins for this user or from this address;"
                    + " try again in " + seconds + " s.", true));
            return;
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"status\":429,\"error\":\"Too Many Requests\",\"message\":\"too many failed logins"
                + " for this user or from this address; try again in " + seconds + " s\"}");
    }

    /** The user name a request tries to log in as, or null when it is no login attempt. */
    static String attemptedUser(HttpServletRequest request) {
        if (LOGIN_FORM.matches(request)) {
            String username = request.getParameter("username");
            return username == null ? "" : username.trim();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException notBase64) {
                return null; // Basic authentication refuses it with 401 without checking any password
            }
        }
        return null;
    }
}
