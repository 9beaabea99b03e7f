package io.ztrade.management.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Viewers may read through Jolokia (and so browse Hawtio); only admins may write attributes or run operations,
 * except operations that only read ({@code dump...}, {@code get...}, {@code list...}), which Hawtio's Camel tab
 * needs to draw routes and their statistics.
 */
class JolokiaWriteGuard extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> READ_ONLY_OPERATIONS = List.of("dump", "get", "is", "list", "explain", "canInvoke",
            "browse", "count");

    private final RoleHierarchy roles;

    JolokiaWriteGuard(RoleHierarchy roles) {
        this.roles = roles;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/actuator/jolokia");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAdmin()) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest checked = request;
        boolean writes;
        if ("POST".equalsIgnoreCase(request.getMethod())) {
            byte[] body = request.getInputStream().readAllBytes();
            checked = new CachedBody(request, body);
            writes = postWrites(body);
        } else {
            String path = request.getRequestURI().substring(request.getContextPath().length() + "/actuator/jolokia".length());
            String[] parts = path.replaceFirst("^/", "").split("/");
            writes = parts.length > 0 && ("write".equalsIgnoreCase(parts[0])
                    || "exec".equalsIgnoreCase(parts[0]) && !(parts.length > 2 && readOnly(parts[2])));
        }
        if (writes) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "Jolokia writes and operations need the admin role");
            return;
        }
        chain.doFilter(checked, response);
    }

    private boolean isAdmin() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user != null && roles.getReachableGrantedAuthorities(user.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).anyMatch("ROLE_ADMIN"::equals);
    }

    private static boolean postWrites(byte[] body) {
        JsonNode requests;
        try {
            requests = JSON.readTree(body);
        } catch (IOException e) {
            return true; // what cannot be read is not let through
        }
        if (requests == null) {
            return false;
        }
        for (JsonNode one : requests.isArray() ? requests : List.of(requests)) {
            String type = one.path("type").asText("").toLowerCase(Locale.ROOT);
            if (type.equals("write") || type.equals("exec") && !readOnly(one.path("operation").asText(""))) {
                return true;
            }
        }
        return false;
    }

    private static boolean readOnly(String operation) {
        return READ_ONLY_OPERATIONS.stream().anyMatch(operation::startsWith);
    }

    /** The request again, its body already read. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
