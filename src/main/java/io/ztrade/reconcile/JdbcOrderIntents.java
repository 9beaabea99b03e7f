package io.ztrade.reconcile;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.steps.OrderIntents;
import io.ztrade.broker.OrderRequest;
import io.ztrade.broker.OrderSide;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code order_intents} in the records database. The intent is an INSERT in the order step's own thread, committed
 * before the POST; when the database refuses it the order is not sent (the run fails and is retried like any step).
 * The client order ids this JVM is sending right now are kept in memory, so reconciliation never judges an order
 * whose answer is still on its way here.
 */
@Component
class JdbcOrderIntents implements OrderIntents {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcOrderIntents.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final StartupGate gate;
    private final Set<String> sending = ConcurrentHashMap.newKeySet();

    JdbcOrderIntents(NamedParameterJdbcTemplate jdbc, StartupGate gate) {
        this.jdbc = jdbc;
        this.gate = gate;
    }

    /** No order on a state the start-up reconciliation has not looked at yet. */
    @Override
    public void awaitReady() {
        gate.awaitFirstPass();
    }

    @Override
    public void intend(AgentRun run, OrderRequest order) {
        // the order step waited in awaitReady before the desk's last check; this keeps the rule for any other caller
        gate.awaitFirstPass();
        sending.add(order.clientOrderId());
        MapSqlParameterSource row = new MapSqlParameterSource("clientOrderId", order.clientOrderId())
                .addValue("runId", run.runId()).addValue("agentId", run.agentId()).addValue("symbol", order.symbol())
                .addValue("assetClass", run.agent().assetClass().alpacaName()).addValue("trigger", run.trigger().name())
                .addValue("side", order.side().name()).addValue("qty", order.qty()).addValue("notional", order.notional())
                .addValue("timeInForce", order.timeInForce()).addValue("scheduledAt", Timestamp.from(run.scheduledAt()))
                .addValue("createdAt", Timestamp.from(Instant.now()));
        try {
            jdbc.update("INSERT INTO order_intents (client_order_id, run_id, agent_id, symbol, asset_class, run_trigger, side,"
                    + " qty, notional, time_in_force, scheduled_at, created_at) VALUES (:clientOrderId, :runId, :agentId,"
                    + " :symbol, :assetClass, :trigger, :side, :qty, :notional, :timeInForce, :scheduledAt, :createdAt)", row);
        } catch (DuplicateKeyException again) {
            // a redelivery of this run (or this fire time on another node, which the broker's id check covers)
            LOG.debug("order intent {} already written", order.clientOrderId());
        } catch (RuntimeException e) {
            sending.remove(order.clientOrderId());
            throw e;
        }
    }

    @Override
    public void settled(String clientOrderId) {
        sending.remove(clientOrderId);
    }

    /** Whether this JVM is sending (or polling) that order right now. */
    boolean sending(String clientOrderId) {
        return sending.contains(clientOrderId);
    }

    List<OrderIntent> open() {
        return jdbc.query("SELECT * FROM order_intents WHERE resolved_at IS NULL ORDER BY created_at, client_order_id",
                new MapSqlParameterSource(), JdbcOrderIntents::intent);
    }

    Optional<OrderIntent> find(String clientOrderId) {
        return jdbc.query("SELECT * FROM order_intents WHERE client_order_id = :id",
                new MapSqlParameterSource("id", clientOrderId), JdbcOrderIntents::intent).stream().findFirst();
    }

    Optional<OrderIntent> ofRun(String runId) {
        return jdbc.query("SELECT * FROM order_intents WHERE run_id = :id ORDER BY created_at",
                new MapSqlParameterSource("id", runId), JdbcOrderIntents::intent).stream().findFirst();
    }

    /** Symbols with an order that may still change the position: an intent not settled yet. */
    List<String> openSymbols() {
        return jdbc.queryForList("SELECT DISTINCT symbol FROM order_intents WHERE resolved_at IS NULL",
                new MapSqlParameterSource(), String.class);
    }

    void resolve(String clientOrderId, String why, Instant at) {
        jdbc.update("UPDATE order_intents SET resolved_at = :at, resolution = :why WHERE client_order_id = :id"
                        + " AND resolved_at IS NULL",
                new MapSqlParameterSource("id", clientOrderId).addValue("at", Timestamp.from(at))
                        .addValue("why", Records.cut(why, 1000)));
    }

    private static OrderIntent intent(ResultSet rs, int row) throws SQLException {
        return new OrderIntent(rs.getString("client_order_id"), rs.getString("run_id"), rs.getString("agent_id"),
                rs.getString("symbol"), rs.getString("asset_class"), rs.getString("run_trigger"),
                OrderSide.valueOf(rs.getString("side")), rs.getBigDecimal("qty"), rs.getBigDecimal("notional"),
                rs.getString("time_in_force"), Records.instant(rs, "scheduled_at"), Records.instant(rs, "created_at"),
                Records.instant(rs, "resolved_at"), rs.getString("resolution"));
    }
}
