package io.ztrade.management.security;

import io.ztrade.desk.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.ObjectName;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Jolokia asks this for every request it has parsed, whatever form it came in (a GET path, encoded or not, the
 * {@code p} parameter, a POST, each element of a bulk POST, Hawtio's forwarded {@code /actuator/hawtio/jolokia}):
 * may this user read this attribute, write that one, run that operation. The answer comes from {@link JolokiaPolicy}
 * and the user's roles (Spring Security's, on this same servlet thread). Operations and writes need a POST: a link
 * or an image on another site can only send a GET. Only this origin may call from a browser (CORS). Every allowed
 * write or operation that changes something (an operator's or an admin's) and every refusal goes to the audit log
 * with the user and the client's address; Jolokia does not tell a restrictor the arguments.
 */
class JolokiaRestrictor implements Restrictor {

    private static final Logger LOG = LoggerFactory.getLogger("io.ztrade.security");
    /** A refused read is audited once per user, MBean and attribute in this window (Hawtio polls what it shows). */
    private static final Duration READ_REFUSAL_QUIET = Duration.ofHours(1);
    private static final int MAX_REMEMBERED_REFUSALS = 10_000;
    private static final Set<RequestType> TYPES = Set.of(RequestType.READ, RequestType.LIST, RequestType.SEARCH,
            RequestType.VERSION, RequestType.EXEC, RequestType.WRITE);

    private final RoleHierarchy roles;
    private final ObjectProvider<AuditLog> audit;
    private final Map<String, Instant> refusedReads = new ConcurrentHashMap<>();

    JolokiaRestrictor(RoleHierarchy roles, ObjectProvider<AuditLog> audit) {
        this.roles = roles;
        this.audit = audit;
    }

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        // GET and POST may both read; operations and writes are checked for POST below. No JSONP (a callback
        // parameter): another site could include the answer as a script and read it
        HttpServletRequest request = request();
        return (method == HttpMethod.GET || method == HttpMethod.POST)
                && (request == null || request.getParameter("callback") == null);
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        // Jolokia asks this for list and search only; notifications are off as a service (application.yml)
        if (TYPES.contains(type)) {
            return true;
        }
        String from = request() == null ? "?" : request().getRemoteAddr();
        LOG.warn("Refused Jolokia {} request for {} from {}: not offered over HTTP", type.getName(),
                AuditLog.escape(user()), from);
        audit().record("JOLOKIA_REFUSED", "jolokia", type.getName() + " (not offered over HTTP)");
        return false;
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        if (role().isEmpty()) {
            return false;
        }
        if (JolokiaPolicy.readable(name, attribute)) {
            return true;
        }
        String key = user() + " " + name + " " + attribute;
        Instant now = Instant.now();
        Instant last = refusedReads.get(key);
        if (last == null || last.plus(READ_REFUSAL_QUIET).isBefore(now)) {
            if (refusedReads.size() > MAX_REMEMBERED_REFUSALS) {
                refusedReads.clear();
            }
            refusedReads.put(key, now);
            refuse(name, "read " + attribute, "no one reads it over HTTP (it may carry secrets)");
        }
        return false;
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        return decide("write " + attribute, name, JolokiaPolicy.write(name, attribute), "JOLOKIA");
    }

    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        return decide("exec " + operation, name, JolokiaPolicy.operation(name, operation), "JOLOKIA");
    }

    /** Whether the current user's role suffices for this operation (nothing audited: Hawtio asks to draw buttons). */
    boolean mayInvoke(ObjectName name, String operation) {
        Optional<Role> needed = JolokiaPolicy.operation(name, operation);
        Optional<Role> role = role();
        return needed.isPresent() && role.isPresent() && role.get().compareTo(needed.get()) >= 0;
    }

    /** Whether the current user may run at least one operation of this MBean. */
    boolean mayInvokeAny(ObjectName name) {
        Optional<Role> role = role();
        return role.isPresent() && JolokiaPolicy.OPERATIONS.stream().anyMatch(rule -> rule.domain().equals(name.getDomain())
                && rule.type().equals(name.getKeyProperty("type")) && role.get().compareTo(rule.role()) >= 0);
    }

    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        // who may call at all is Spring Security's (a login); what they may do is decided per request here
        return true;
    }

    /**
     * Jolokia asks with the {@code Origin} header, else the {@code Referer}; a browser sends one of them with a
     * cross-site request. No header at all is a script (curl, bin/ztrade), which logs in on its own.
     */
    @Override
    public boolean isOriginAllowed(String origin, boolean onlyWhenStrictCheckingIsEnabled) {
        if (origin == null) {
            return true;
        }
        HttpServletRequest request = request();
        if (request == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
            return scheme.equalsIgnoreCase(request.getScheme()) && uri.getHost() != null
                    && uri.getHost().equalsIgnoreCase(request.getServerName()) && port == request.getServerPort();
        } catch (IllegalArgumentException notAUri) {
            return false; // "null" (a sandboxed page) and anything unreadable
        }
    }

    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        // names are no secret; what is behind them is checked per attribute and operation
        return false;
    }

    private boolean decide(String what, ObjectName name, Optional<Role> needed, String action) {
        Optional<Role> role = role();
        String method = request() == null ? "none" : request().getMethod();
        String reason;
        if (needed.isEmpty()) {
            reason = "no one may do this over HTTP";
        } else if (role.isEmpty() || role.get().compareTo(needed.get()) < 0) {
            reason = "it needs the " + needed.get().name().toLowerCase(Locale.ROOT) + " role";
        } else if (!"POST".equalsIgnoreCase(method)) {
            reason = "operations and writes need a POST, this was a " + method;
        } else {
            // what changes something is audited; the read-only operations Hawtio polls are not
            if (needed.get() != Role.VIEWER) {
                audit().record(action, name.toString(), what);
            }
            return true;
        }
        refuse(name, what, reason);
        return false;
    }

    private void refuse(ObjectName name, String what, String reason) {
        String from = request() == null ? "?" : request().getRemoteAddr();
        LOG.warn("Refused Jolokia {} on {} for {} from {}: {}", AuditLog.escape(what), AuditLog.escape(name.toString()),
                AuditLog.escape(user()), from, reason);
        audit().record("JOLOKIA_REFUSED", name.toString(), what + " (" + reason + ")");
    }

    private AuditLog audit() {
        return audit.getObject();
    }

    /** The current user's highest role, through the role hierarchy; none when not logged in. */
    private Optional<Role> role() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
            return Optional.empty();
        }
        Set<String> granted = new java.util.HashSet<>();
        for (GrantedAuthority authority : roles.getReachableGrantedAuthorities(user.getAuthorities())) {
            granted.add(authority.getAuthority());
        }
        Role highest = null;
        for (Role role : Role.values()) {
            if (granted.contains("ROLE_" + role.name())) {
                highest = role;
            }
        }
        return Optional.ofNullable(highest);
    }

    private static String user() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null ? "anonymous" : user.getName();
    }

    private static HttpServletRequest request() {
        return AuditLog.currentRequest();
    }
}
