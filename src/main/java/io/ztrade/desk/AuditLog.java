package io.ztrade.desk;

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
        insert(who, request != null ? request.getRemoteAddr() : "jmx", action, target, detail);
    }

    /**
     * Records an attempt by someone not logged in, such as a failed login: the name they gave and their address.
     * The name is the attacker's text: escaped and cut to the column's length like every value, never trusted.
     */
    public void recordAttempt(String username, String source, String action, String target, String detail) {
        insert(username, source == null ? "unknown" : source, action, target, detail);
    }

    private void insert(String who, String from, String action, String target, String detail) {
        jdbc.update("INSERT INTO audit_log (occurred_at, username, action, target, detail, source)"
                        + " VALUES (:at, :username, :action, :target, :detail, :source)",
                new MapSqlParameterSource("at", Timestamp.from(Instant.now())).addValue("username", truncate(escape(who), 128))
                        .addValue("action", action).addValue("target", truncate(escape(target), 128))
                        .addValue("detail", truncate(escape(detail), 1000)).addValue("source", truncate(escape(from), 128)));
    }

    /** Newest first. */
    public List<Entry> latest(int limit) {
        return jdbc.query("SELECT * FROM audit_log ORDER BY occurred_at DESC, id DESC LIMIT :limit",
                new MapSqlParameterSource("limit", limit),
                (rs, row) -> new Entry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("username"),
                        rs.getString("action"), rs.getString("target"), rs.getString("detail"), rs.getString("source")));
    }

    /** The HTTP request this thread serves, or null (a JMX client, a scheduled run). */
    public static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    /**
     * The text with CR, LF and every other control character written as an escape (a backslash, then {@code n},
     * {@code r}, {@code t} or {@code u} and four hex digits), and the backslash doubled: a value from a request (an MBean name, a user name) can then never start a forged
     * line in a log or the audit trail.
     */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String truncate(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit - 3) + "...";
    }
}
