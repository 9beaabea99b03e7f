package io.ztrade.alert;

import java.sql.Timestamp;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The console's alerts panel: the latest alerts sent (after the quiet period, text masked as for email and webhook),
 * newest first, kept in the records database ({@code recent_alerts}) so that every node of a cluster shows what any
 * node sent and a restart forgets none. FAILED runs themselves are in the records; this adds what has no run (a
 * breaker that opened, the kill switch). A records database that fails loses the alert from the panel only: the
 * other channels still send it.
 */
@Component
public class RecentAlerts implements AlertChannel {

    private static final Logger LOG = LoggerFactory.getLogger(RecentAlerts.class);

    /** The most alerts kept (the panel's and {@code GET /api/failures}' largest limit). */
    static final int KEPT = 200;

    static final int MAX_SUBJECT = 500;
    static final int MAX_TEXT = 8000;

    private final NamedParameterJdbcTemplate jdbc;

    RecentAlerts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public void send(Alert alert) {
        try {
            jdbc.update("INSERT INTO recent_alerts (kind, subject, body, sent_at) VALUES (:kind, :subject, :body, :at)",
                    new MapSqlParameterSource("kind", cut(alert.kind(), 128)).addValue("subject", cut(alert.subject(), MAX_SUBJECT))
                            .addValue("body", cut(alert.text(), MAX_TEXT)).addValue("at", Timestamp.from(alert.at())));
            // the oldest beyond KEPT go; two nodes pruning at once delete the same rows
            jdbc.update("DELETE FROM recent_alerts WHERE id < (SELECT MIN(id) FROM (SELECT id FROM recent_alerts"
                    + " ORDER BY id DESC LIMIT :kept) newest)", new MapSqlParameterSource("kept", KEPT));
        } catch (DataAccessException e) {
            LOG.error("Alert '{}' is not kept for the alerts panel: the records database failed ({})", alert.subject(),
                    e.getMostSpecificCause().getClass().getSimpleName());
        }
    }

    /** Newest first, at most {@code limit}. */
    public List<Alert> latest(int limit) {
        return jdbc.query("SELECT kind, subject, body, sent_at FROM recent_alerts ORDER BY sent_at DESC, id DESC"
                        + " LIMIT :limit", new MapSqlParameterSource("limit", Math.min(limit, KEPT)),
                (rs, row) -> new Alert(rs.getString("kind"), rs.getString("subject"), rs.getString("body"),
                        rs.getTimestamp("sent_at").toInstant()));
    }

    private static String cut(String text, int limit) {
        String value = text == null ? "" : text;
        return value.length() <= limit ? value : value.substring(0, limit - 1) + "…";
    }
}
