package io.ztrade.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ztrade.agent.RunStatus;
import io.ztrade.agent.RunStatusPolicy;
import io.ztrade.broker.BrokerOrder;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What reconciliation reads and writes in {@code agent_runs}. It completes a row with the broker's state, or creates the
 * one row of an order whose run never recorded it, under the run's own id (from the intent) or, for an order no intent
 * names, an id derived from its client order id: so a second pass, another node or the run's own late record never make
 * a second row (the record insert merges into a reconciled row, {@code RunRecordStatement}).
 */
@Component
class Records {

    private static final String COLUMNS = "run_id, agent_id, symbol, status, order_side, order_qty, order_notional,"
            + " client_order_id, broker_order_id, order_status, fill_qty, reconciled_at";

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper mapper;

    Records(NamedParameterJdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** A new row's content: who, what, and when it was meant to go. */
    record NewRecord(String runId, String agentId, String symbol, String assetClass, String trigger, Instant scheduledAt,
                     Instant startedAt, String side, BigDecimal qty, BigDecimal notional, String clientOrderId) {
    }

    static RunStatus statusOf(BrokerOrder order) {
        return RunStatusPolicy.ofOrder(order.state());
    }

    List<RecordRow> byClientOrderId(String clientOrderId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM agent_runs WHERE client_order_id = :id ORDER BY started_at, run_id",
                new MapSqlParameterSource("id", clientOrderId), Records::row);
    }

    /** The records naming an order, by client order id, of runs scheduled since then. */
    Map<String, List<RecordRow>> byClientOrderIdSince(Instant since) {
        Map<String, List<RecordRow>> named = new HashMap<>();
        jdbc.query("SELECT " + COLUMNS + " FROM agent_runs WHERE client_order_id IS NOT NULL AND scheduled_at >= :since"
                + " ORDER BY started_at, run_id", new MapSqlParameterSource("since", Timestamp.from(since)), rs -> {
                    RecordRow row = row(rs, 0);
                    named.computeIfAbsent(row.clientOrderId(), k -> new java.util.ArrayList<>()).add(row);
                });
        return named;
    }

    Optional<RecordRow> byRunId(String runId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM agent_runs WHERE run_id = :id", new MapSqlParameterSource("id", runId),
                Records::row).stream().findFirst();
    }

    /**
     * Records whose order may not be final ({@link RunStatusPolicy#AWAITING_BROKER}: submitted, the fill came after
     * the poll; or cut by a shutdown), not yet reconciled; a submitted order stays open at the broker, so its row is
     * read again on each pass until the broker's state ends it.
     */
    List<RecordRow> nonFinal() {
        // an ORDER_SUBMITTED row without a client order id (a second attempt of a fire time whose order another
        // attempt sent) has no order of its own: looked at once, then left alone
        return jdbc.query("SELECT " + COLUMNS + " FROM agent_runs WHERE status IN (:awaiting) AND (reconciled_at IS NULL"
                + " OR status = :submitted AND client_order_id IS NOT NULL) ORDER BY started_at, run_id",
                new MapSqlParameterSource("awaiting", RunStatusPolicy.AWAITING_BROKER.stream().map(RunStatus::name).toList())
                        .addValue("submitted", RunStatus.ORDER_SUBMITTED.name()), Records::row);
    }

    /** The record now says what the broker says. */
    void complete(String runId, BrokerOrder order, String why, Instant at) {
        jdbc.update("UPDATE agent_runs SET status = :status, client_order_id = :cid, broker_order_id = :brokerId,"
                + " order_status = :orderStatus, fill_qty = :fillQty, fill_price = :fillPrice,"
                + " finished_at = COALESCE(finished_at, :at), reconciled_at = :at, reconcile_note = :why WHERE run_id = :runId",
                new MapSqlParameterSource("runId", runId).addValue("status", statusOf(order).name())
                        .addValue("cid", order.clientOrderId()).addValue("brokerId", order.id())
                        .addValue("orderStatus", order.status()).addValue("fillQty", order.filledQty())
                        .addValue("fillPrice", order.filledAvgPrice()).addValue("at", Timestamp.from(at))
                        .addValue("why", cut(why, 1000)));
    }

    /** The run's order is not at the broker and will not be: FAILED, with the why. */
    void failed(String runId, String clientOrderId, String why, Instant at) {
        jdbc.update("UPDATE agent_runs SET status = :failed, client_order_id = :cid, error = COALESCE(error, :why),"
                + " finished_at = COALESCE(finished_at, :at), reconciled_at = :at, reconcile_note = :why WHERE run_id = :runId",
                new MapSqlParameterSource("runId", runId).addValue("failed", RunStatus.FAILED.name()).addValue("cid", clientOrderId).addValue("at", Timestamp.from(at))
                        .addValue("why", cut(why, 1000)));
    }

    /** Marks a record looked at (nothing to change at the broker), so it is not picked again. */
    void reconciled(String runId, String why, Instant at) {
        jdbc.update("UPDATE agent_runs SET reconciled_at = :at, reconcile_note = :why WHERE run_id = :runId",
                new MapSqlParameterSource("runId", runId).addValue("at", Timestamp.from(at)).addValue("why", cut(why, 1000)));
    }

    /**
     * Inserts the row of a run that never recorded its order: with the broker's state, or (order null) FAILED.
     * A duplicate key (the run's own record, or another node, got there first) is the caller's to handle.
     */
    void create(NewRecord record, BrokerOrder order, String why, Instant at) {
        ObjectNode json = mapper.createObjectNode().put("runId", record.runId()).put("agentId", record.agentId())
                .put("clientOrderId", record.clientOrderId()).put("reconciled", why);
        MapSqlParameterSource row = new MapSqlParameterSource("runId", record.runId())
                .addValue("agentId", record.agentId()).addValue("symbol", record.symbol())
                .addValue("assetClass", record.assetClass()).addValue("trigger", record.trigger())
                .addValue("scheduledAt", Timestamp.from(record.scheduledAt()))
                .addValue("startedAt", Timestamp.from(record.startedAt())).addValue("at", Timestamp.from(at))
                .addValue("status", order == null ? RunStatus.FAILED.name() : statusOf(order).name())
                .addValue("side", record.side()).addValue("qty", record.qty()).addValue("notional", record.notional())
                .addValue("cid", record.clientOrderId()).addValue("brokerId", order == null ? null : order.id())
                .addValue("orderStatus", order == null ? null : order.status())
                .addValue("fillQty", order == null ? null : order.filledQty())
                .addValue("fillPrice", order == null ? null : order.filledAvgPrice())
                .addValue("error", order == null ? cut(why, 4000) : null)
                .addValue("why", cut(why, 1000)).addValue("json", json.toString());
        jdbc.update("INSERT INTO agent_runs (run_id, agent_id, symbol, asset_class, run_trigger, scheduled_at, started_at,"
                + " finished_at, status, degraded, decision, risk_verdict, order_side, order_qty, order_notional,"
                + " client_order_id, broker_order_id, order_status, fill_qty, fill_price, note, error, run_json, reconciled_at,"
                + " reconcile_note) VALUES (:runId, :agentId, :symbol, :assetClass, :trigger, :scheduledAt, :startedAt, :at,"
                + " :status, FALSE, :side, 'APPROVED', :side, :qty, :notional, :cid, :brokerId, :orderStatus, :fillQty,"
                + " :fillPrice, :why, :error, :json, :at, :why)", row);
    }

    /** Per symbol (without the slash: BTCUSD), the net quantity the records' fills add up to (buys minus sells). */
    Map<String, BigDecimal> netFills() {
        Map<String, BigDecimal> net = new HashMap<>();
        jdbc.query("SELECT symbol, order_side, SUM(fill_qty) AS filled FROM agent_runs WHERE client_order_id IS NOT NULL"
                + " AND fill_qty IS NOT NULL GROUP BY symbol, order_side", new MapSqlParameterSource(), rs -> {
                    BigDecimal filled = rs.getBigDecimal("filled");
                    BigDecimal signed = "SELL".equals(rs.getString("order_side")) ? filled.negate() : filled;
                    net.merge(key(rs.getString("symbol")), signed, BigDecimal::add);
                });
        return net;
    }

    /** Per symbol, the agents whose records traded it. */
    Map<String, List<String>> agentsBySymbol() {
        Map<String, List<String>> agents = new HashMap<>();
        jdbc.query("SELECT DISTINCT symbol, agent_id FROM agent_runs WHERE fill_qty IS NOT NULL", new MapSqlParameterSource(),
                rs -> {
                    agents.computeIfAbsent(key(rs.getString("symbol")), k -> new java.util.ArrayList<>())
                            .add(rs.getString("agent_id"));
                });
        return agents;
    }

    /** Positions name BTC/USD as BTCUSD. */
    static String key(String symbol) {
        return symbol.replace("/", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static RecordRow row(ResultSet rs, int row) throws SQLException {
        return new RecordRow(rs.getString("run_id"), rs.getString("agent_id"), rs.getString("symbol"), rs.getString("status"),
                rs.getString("order_side"), rs.getBigDecimal("order_qty"), rs.getBigDecimal("order_notional"),
                rs.getString("client_order_id"), rs.getString("broker_order_id"), rs.getString("order_status"),
                rs.getBigDecimal("fill_qty"), instant(rs, "reconciled_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
