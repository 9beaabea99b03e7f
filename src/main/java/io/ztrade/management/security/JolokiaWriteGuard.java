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
import io.ztrade.management.AuditLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Viewers may read through Jolokia (and so browse Hawtio); only admins may write attributes or run operations,
 * except operations that only read ({@code dump...}, {@code get...}, {@code list...}), which Hawtio's Camel tab
 * needs to draw routes and their statistics. What admins write or run is written to the audit log.
 */
class JolokiaWriteGuard extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger("io.ztrade.security");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> READ_ONLY_OPERATIONS = List.of("dump", "get", "is", "list", "explain", "canInvoke",
            "browse", "count");

    private final RoleHierarchy roles;
    private final AuditLog audit;

    JolokiaWriteGuard(RoleHierarchy roles, AuditLog audit) {
        this.roles = roles;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/actuator/jolokia");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest checked = request;
        List<String> writes;
        if ("POST".equalsIgnoreCase(request.getMethod())) {
            byte[] body = request.getInputStream().readAllBytes();
            checked = new CachedBody(request, body);
            writes = postWrites(body);
        } else {
            writes = getWrites(request.getRequestURI().substring(request.getContextPath().length()
                    + "/actuator/jolokia".length()));
        }
        if (!writes.isEmpty()) {
            if (!isAdmin()) {
                LOG.warn("Refused Jolokia {} for {}: not an admin", writes, currentUser());
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "Jolokia writes and operations need the admin role");
                return;
            }
            // what an admin changes through Hawtio or Jolokia is audited like any management action
            for (String write : writes) {
                audit.record("JOLOKIA", write.length() > 128 ? write.substring(0, 128) : write, write);
            }
        }
        chain.doFilter(checked, response);
    }

    /** {@code /exec/<mbean>/<operation>/...} or {@code /write/<mbean>/<attribute>/...}. */
    private static List<String> getWrites(String path) {
        String[] parts = path.replaceFirst("^/", "").split("/");
        if (parts.length == 0) {
            return List.of();
        }
        String type = parts[0].toLowerCase(Locale.ROOT);
        if (type.equals("write") || type.equals("exec") && !(parts.length > 2 && readOnly(parts[2]))) {
            return List.of(type + " " + (parts.length > 1 ? parts[1] : "?") + " " + (parts.length > 2 ? parts[2] : "?"));
        }
        return List.of();
    }

    private static String currentUser() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null ? "anonymous" : user.getName();
    }

    private boolean isAdmin() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user != null && roles.getReachableGrantedAuthorities(user.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).anyMatch("ROLE_ADMIN"::equals);
    }

    private static List<String> postWrites(byte[] body) {
        JsonNode requests;
        try {
            requests = JSON.readTree(body);
        } catch (IOException e) {
            return List.of("unreadable request"); // what cannot be read is treated as a write
        }
        if (requests == null) {
            return List.of();
        }
        List<String> writes = new ArrayList<>();
        for (JsonNode one : requests.isArray() ? requests : List.of(requests)) {
            String type = one.path("type").asText("").toLowerCase(Locale.ROOT);
            if (type.equals("write")) {
                writes.add("write " + one.path("mbean").asText() + " " + one.path("attribute").asText());
            } else if (type.equals("exec") && !readOnly(one.path("operation").asText(""))) {
                writes.add("exec " + one.path("mbean").asText() + " " + one.path("operation").asText()
                        + " " + one.path("arguments"));
            }
        }
        return writes;
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
