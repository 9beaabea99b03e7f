package io.ztrade.management;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log ({@code audit_log}): who did what to which agent, when and from where. Written for every management
 * action, whether it came through the API, the console, Hawtio/Jolokia or a JMX client.
 */
@Component
public class AuditLog {

    /** One action. {@code source} is the client's address, or {@code jmx} for a local JMX client. */
    public record Entry(long id, Instant at, String username, String action, String target, String detail, String source) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    AuditLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the action of the current user (or {@code jmx} when there is no HTTP request). */
    public void record(String action, String target, String detail) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        HttpServletRequest request = currentRequest();
        String who = user == null || user instanceof AnonymousAuthenticationToken ? "jmx" : user.getName();
        String from = request != null ? request.getRemoteAddr() : "jmx";
        jdbc.update("INSERT INTO audit_log (occurred_at, username, action, target, detail, source)"
                        + " VALUES (:at, :username, :action, :target, :detail, :source)",
                new MapSqlParameterSource("at", Timestamp.from(Instant.now())).addValue("username", who)
                        .addValue("action", action).addValue("target", target)
                        .addValue("detail", detail == null ? null : truncate(detail)).addValue("source", from));
    }

    /**
     * Records an attempt by someone not logged in, such as a failed login: the name they gave and their address.
     * The name is the attacker's text: cut to the column's length, never trusted.
     */
    public void recordAttempt(String username, String source, String action, String target, String detail) {
        jdbc.update("INSERT INTO audit_log (occurred_at, username, action, target, detail, source)"
                        + " VALUES (:at, :username, :action, :target, :detail, :source)",
                new MapSqlParameterSource("at", Timestamp.from(Instant.now())).addValue("username", cut(username, 128))
                        .addValue("action", action).addValue("target", cut(target, 128))
                        .addValue("detail", detail == null ? null : truncate(detail))
                        .addValue("source", cut(source == null ? "unknown" : source, 128)));
    }

    private static String cut(String text, int length) {
        return text == null ? null : text.length() <= length ? text : text.substring(0, length);
    }

    /** Newest first. */
    public List<Entry> latest(int limit) {
        return jdbc.query("SELECT * FROM audit_log ORDER BY occurred_at DESC, id DESC LIMIT :limit",
                new MapSqlParameterSource("limit", limit),
                (rs, row) -> new Entry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("username"),
                        rs.getString("action"), rs.getString("target"), rs.getString("detail"), rs.getString("source")));
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
