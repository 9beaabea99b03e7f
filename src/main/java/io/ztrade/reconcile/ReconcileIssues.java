package io.ztrade.reconcile;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** {@code reconcile_issues}: shared by every node, so health and the console show the same on all of them. */
@Component
class ReconcileIssues {

    private final NamedParameterJdbcTemplate jdbc;

    ReconcileIssues(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<ReconcileIssue> open() {
        return jdbc.query("SELECT * FROM reconcile_issues WHERE acknowledged_at IS NULL ORDER BY found_at, id",
                new MapSqlParameterSource(), ReconcileIssues::issue);
    }

    List<ReconcileIssue> latest(int limit) {
        return jdbc.query("SELECT * FROM reconcile_issues ORDER BY found_at DESC, id DESC LIMIT :limit",
                new MapSqlParameterSource("limit", limit), ReconcileIssues::issue);
    }

    Optional<ReconcileIssue> find(long id) {
        return jdbc.query("SELECT * FROM reconcile_issues WHERE id = :id", new MapSqlParameterSource("id", id),
                ReconcileIssues::issue).stream().findFirst();
    }

    /**
     * Adds the issue unless it is known: a position difference still open with the same quantities (an acknowledged
     * one is expected from then on), or an order's issue (collision, duplicate records, missing at the broker) raised
     * before for that client order id, open or acknowledged (the broker keeps listing that order every pass).
     *
     * @return the new issue, or empty when it was known (no second alert, no second hold)
     */
    synchronized Optional<ReconcileIssue> raise(String kind, String agentId, String symbol, String clientOrderId,
                                                BigDecimal brokerQty, BigDecimal recordsQty, String detail, Instant at) {
        boolean known = "POSITION".equals(kind)
                ? open().stream().anyMatch(i -> i.kind().equals(kind) && Objects.equals(i.symbol(), symbol)
                        && same(i.brokerQty(), brokerQty) && same(i.recordsQty(), recordsQty))
                : !jdbc.queryForList("SELECT id FROM reconcile_issues WHERE kind = :kind AND client_order_id = :cid",
                        new MapSqlParameterSource("kind", kind).addValue("cid", clientOrderId), Long.class).isEmpty();
        if (known) {
            return Optional.empty();
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO reconcile_issues (kind, agent_id, symbol, client_order_id, broker_qty, records_qty, detail,"
                        + " found_at) VALUES (:kind, :agentId, :symbol, :cid, :brokerQty, :recordsQty, :detail, :at)",
                new MapSqlParameterSource("kind", kind).addValue("agentId", agentId).addValue("symbol", symbol)
                        .addValue("cid", clientOrderId).addValue("brokerQty", brokerQty).addValue("recordsQty", recordsQty)
                        .addValue("detail", Records.cut(detail, 2000)).addValue("at", Timestamp.from(at)), key, new String[] {"id"});
        return find(key.getKey().longValue());
    }

    /** @return whether it was open (an acknowledged issue stays acknowledged by its first operator) */
    boolean acknowledge(long id, String by, Instant at) {
        return jdbc.update("UPDATE reconcile_issues SET acknowledged_at = :at, acknowledged_by = :by WHERE id = :id"
                        + " AND acknowledged_at IS NULL",
                new MapSqlParameterSource("id", id).addValue("by", Records.cut(by, 128)).addValue("at", Timestamp.from(at))) == 1;
    }

    /**
     * Per symbol, the position differences operators acknowledged (broker minus records at the time): they become
     * part of what the records are expected to add up to, so one acknowledged difference is not raised again.
     */
    Map<String, BigDecimal> acknowledgedOffsets() {
        Map<String, BigDecimal> offsets = new HashMap<>();
        jdbc.query("SELECT symbol, broker_qty, records_qty FROM reconcile_issues WHERE kind = 'POSITION'"
                + " AND acknowledged_at IS NOT NULL", new MapSqlParameterSource(), rs -> {
                    offsets.merge(rs.getString("symbol"), rs.getBigDecimal("broker_qty").subtract(rs.getBigDecimal("records_qty")),
                            BigDecimal::add);
                });
        return offsets;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static ReconcileIssue issue(ResultSet rs, int row) throws SQLException {
        return new ReconcileIssue(rs.getLong("id"), rs.getString("kind"), rs.getString("agent_id"), rs.getString("symbol"),
                rs.getString("client_order_id"), rs.getBigDecimal("broker_qty"), rs.getBigDecimal("records_qty"),
                rs.getString("detail"), Records.instant(rs, "found_at"), Records.instant(rs, "acknowledged_at"),
                rs.getString("acknowledged_by"));
    }
}
