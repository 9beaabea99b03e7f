package io.ztrade.risk.protection;

import static org.awaitility.Awaitility.await;

import io.ztrade.PipelineTestSupport;
import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentRuns;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.TestAgents;
import io.ztrade.agent.FiredTrigger;
import io.ztrade.agent.steps.SentimentStep;
import io.ztrade.records.RunRecord;
import io.ztrade.risk.TradingHolds;
import io.ztrade.risk.TradingMode;
import io.ztrade.sentiment.SentimentReading;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Protections through the real route: an agent made from the template with protection parameters, fired by
 * FiredTrigger at a chosen fire time, with the live risk step, simulator broker and H2 records; its earlier fills are
 * records written into {@code agent_runs} first. The holds are recorded (on this branch the live ones only log).
 */
abstract class ProtectionPipelineSupport extends PipelineTestSupport {

    /** A hold as the protections asked for it. */
    record Hold(String scope, TradingMode mode, String reason, String source) {
    }

    /** Every hold asked for, in order. */
    static final List<Hold> HOLDS = new CopyOnWriteArrayList<>();
    private static final AtomicLong AGENTS = new AtomicLong();

    @TestConfiguration
    static class RecordedHolds {
        @Bean
        @Primary
        TradingHolds recordedHolds() {
            return new TradingHolds() {
                @Override
                public void hold(String scope, TradingMode mode, String reason, String source) {
                    HOLDS.add(new Hold(scope, mode, reason, source));
                }

                @Override
                public boolean release(String scope, String source, String reason, String by) {
                    throw new AssertionError("protections never lift a hold; an operator does");
                }
            };
        }
    }

    @Autowired
    CamelContext camel;
    @Autowired
    FiredTrigger trigger;
    @Autowired
    JdbcTemplate jdbc;

    static String newAgentId(String prefix) {
        return prefix + AGENTS.incrementAndGet() + "_" + (System.nanoTime() % 10_000);
    }

    List<Hold> holdsOf(String scope) {
        return HOLDS.stream().filter(h -> h.scope().equals(scope)).toList();
    }

    /** A run of the agent's earlier life: its price, and a fill if side is given. */
    void record(String agentId, Instant at, String side, String qty, String fillPrice, double price) {
        jdbc.update("""
                INSERT INTO agent_runs (run_id, agent_id, symbol, asset_class, run_trigger, scheduled_at, started_at,
                    finished_at, status, degraded, price, order_side, fill_qty, fill_price, run_json)
                VALUES (?, ?, 'BTC/USD', 'crypto', 'SCHEDULE', ?, ?, ?, ?, FALSE, ?, ?, ?, ?, '{}')""",
                UUID.randomUUID().toString(), agentId, Timestamp.from(at), Timestamp.from(at), Timestamp.from(at),
                side == null ? "HOLD" : "FILLED", price, side, qty == null ? null : new BigDecimal(qty),
                fillPrice == null ? null : new BigDecimal(fillPrice));
    }

    int tripsRecorded(String scope, String protection) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM protection_trips WHERE scope = ? AND protection = ?",
                Integer.class, scope, protection);
        return n == null ? 0 : n;
    }

    /** Runs the agent once at that fire time through the real route and returns its performance record. */
    RunRecord fire(String routeId, Instant fireTime) {
        AgentRun run = trigger.fire(routeId, fireTime, RunTrigger.REPLAY);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(run.runId()).isPresent());
        return store.find(run.runId()).orElseThrow();
    }

    /**
     * The real template with the live risk step (and so the live protections), broker and records; the decision is a
     * BUY (sentiment 1). Small orders and a wide position limit: the simulator's BTC position is shared by the
     * context's tests.
     */
    String addAgent(String agentId, Map<String, String> protections) throws Exception {
        Map<String, Object> p = TestAgents.defaults("BTC/USD", "crypto");
        p.put("agentId", agentId);
        p.put("sentimentWeight", "0.9");
        p.put("technicalWeight", "0.1");
        p.put("orderNotional", "10");
        p.put("maxPositionValue", "100000000");
        p.put("maxOrdersPerDay", "1000");
        p.putAll(protections);
        AgentSettings agent = AgentSettings.fromParameters(p);
        AgentRuns runs = new AgentRuns(null) {
            @Override
            protected AgentSettings settingsOf(Exchange exchange) {
                return agent;
            }
        };
        p.put("trigger", FiredTrigger.SCHEME);
        // this route's own runs bean and a bullish sentiment, template-local: the live agents keep the live ones
        TemplatedRouteBuilder.builder(camel, AgentCatalog.TEMPLATE_ID).routeId(agentId).prefixId(agentId + ".")
                .parameters(p)
                .bean(AgentRuns.BEAN, runs)
                .bean("sentimentAnalyzer", new SentimentStep(a -> new SentimentReading(1, 1, List.of("test"), 3, null)))
                .add();
        if (!Objects.requireNonNull(camel.getRouteController().getRouteStatus(agentId)).isStarted()) {
            camel.getRouteController().startRoute(agentId);
        }
        return agentId;
    }

    void removeAgent(String routeId) throws Exception {
        camel.getRouteController().stopRoute(routeId);
        camel.removeRoute(routeId);
    }

    static String dollars(double amount) {
        return ProtectionCheck.dollars(BigDecimal.valueOf(amount));
    }

    static String dollars(BigDecimal amount) {
        return ProtectionCheck.dollars(amount);
    }

    /** What holding qty bought at cost loses at price, in decimals as the P&L counts it. */
    static BigDecimal lossOf(String qty, String cost, double price) {
        return new BigDecimal(qty).multiply(new BigDecimal(cost).subtract(BigDecimal.valueOf(price)));
    }
}
