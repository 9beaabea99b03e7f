package io.ztrade.simulator;

import io.ztrade.provider.AlpacaProperties;
import io.ztrade.provider.SimulatorToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The simulator answers only the app's own client: a request to {@code /simulator/**} must come from a loopback
 * address, name a loopback host ({@code localhost}, 127.x, {@code [::1]}: a reverse proxy that forwards the Host of
 * a public name is refused) and carry this start's {@link SimulatorToken}. Anything else gets 403, logged in or not.
 */
public class SimulatorGuard extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger("io.ztrade.security");

    private final RequestMatcher simulatorPaths;
    private final SimulatorToken token;

    public SimulatorGuard(RequestMatcher simulatorPaths, SimulatorToken token) {
        this.simulatorPaths = simulatorPaths;
        this.token = token;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!simulatorPaths.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        String refusal = refusal(request);
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        LOG.warn("Simulator request refused ({}): {} from {}", refusal, request.getMethod(), request.getRemoteAddr());
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.getWriter().write("{\"status\":403,\"error\":\"Forbidden\",\"message\":\"the built-in simulator answers"
                + " only Ztrade itself on this machine\"}");
    }

    private String refusal(HttpServletRequest request) {
        if (!AlpacaProperties.isLoopback(request.getRemoteAddr())) {
            return "not from this machine";
        }
        if (!AlpacaProperties.isLoopback(request.getServerName())) {
            return "Host is not a loopback name";
        }
        return token.matches(request.getHeader(SimulatorToken.HEADER)) ? null : "no or wrong token";
    }
}
