package io.ztrade.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.InFlightRuns;
import io.ztrade.agent.RunStatus;
import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.TestAgents;
import io.ztrade.agent.steps.OrderPlacement;
import io.ztrade.broker.FillingBroker;
import io.ztrade.broker.OrderRequest;
import io.ztrade.broker.OrderSide;
import io.ztrade.risk.DeskModes;
import io.ztrade.risk.EffectiveMode;
import io.ztrade.risk.ModeSetting;
import io.ztrade.risk.TradingMode;
import io.ztrade.risk.RiskVerdict;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The start-up gate holds the first orders until the start-up reconciliation has looked at the broker. A hold that
 * pass sets (a position mismatch) while an order waits at the gate must stop that order: the desk's last check before
 * the POST comes after the wait, not before it.
 */
class StartupGateOrderTest {

    private final FillingBroker broker = new FillingBroker();
    private final List<OrderRequest> sent = broker.sent;

    private static NamedParameterJdbcTemplate records() {
        DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:gate-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return new NamedParameterJdbcTemplate(ds);
    }

    /** Starts the placement on its own thread and returns once it waits at the gate. */
    private static Future<AgentRun> waitingAtTheGate(ExecutorService pool, OrderPlacement placement, AgentRun run) {
        AtomicReference<Thread> placing = new AtomicReference<>();
        Future<AgentRun> placed = pool.submit(() -> {
            placing.set(Thread.currentThread());
            return placement.place(run);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> placing.get() != null && Arrays.stream(placing.get().getStackTrace())
                .anyMatch(frame -> frame.getMethodName().equals("awaitFirstPass")));
        return placed;
    }

    private static StartupGate closedGate() {
        return new StartupGate(new ReconcileProperties(true, Duration.ofMinutes(1), Duration.ofDays(7), true,
                Duration.ofMinutes(5), new BigDecimal("0.005"), Duration.ofMinutes(5), Duration.ofSeconds(30)));
    }

    private static AgentRun approvedRun() {
        return AgentRun.start(TestAgents.agent("TSLA", "us_equity"), RunTrigger.SCHEDULE, false,
                Instant.parse("2026-11-25T15:00:00Z"), Instant.now())
                .withRisk(new RiskVerdict(RiskVerdict.Outcome.APPROVED, List.of(), OrderSide.BUY, null, new BigDecimal("1000")));
    }

    /**
     * A shutdown that waited for its runs in vain records the run INTERRUPTED and closes orders; the start-up pass it
     * stops opens the gate on its way out. The order that was waiting there must not leave after that.
     */
    @Test
    void anOrderWaitingAtTheGateWhenTheShutdownClosesOrdersIsNotSent() throws Exception {
        NamedParameterJdbcTemplate jdbc = records();
        StartupGate gate = closedGate();
        InFlightRuns inFlight = new InFlightRuns();
        OrderPlacement placement = new OrderPlacement(broker, DeskModes.ALWAYS_ACTIVE, new JdbcOrderIntents(jdbc, gate),
                null, inFlight);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<AgentRun> placed = waitingAtTheGate(pool, placement, approvedRun());
            inFlight.closeOrders();
            gate.open();

            assertThatThrownBy(() -> placed.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("shutting down");
            assertThat(sent).isEmpty();
            assertThat(jdbc.getJdbcTemplate().queryForObject("SELECT count(*) FROM order_intents", Integer.class)).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHoldTheStartupPassSetsWhileAnOrderWaitsAtTheGateStopsThatOrder() throws Exception {
        NamedParameterJdbcTemplate jdbc = records();
        StartupGate gate = closedGate();
        AtomicReference<EffectiveMode> mode = new AtomicReference<>(EffectiveMode.ACTIVE);
        DeskModes desk = agentId -> mode.get();
        OrderPlacement placement = new OrderPlacement(broker, desk, new JdbcOrderIntents(jdbc, gate), null, null);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // the order waits at the gate: the start-up pass is still looking at the broker
            Future<AgentRun> placed = waitingAtTheGate(pool, placement, approvedRun());

            // the pass finds a position mismatch, holds the agent, and opens the gate
            mode.set(new EffectiveMode(TradingMode.HALTED, new ModeSetting("agent_x", TradingMode.HALTED,
                    "reconciliation issue 1: position mismatch in TSLA", "reconciliation", "system", Instant.now())));
            gate.open();

            AgentRun result = placed.get(10, TimeUnit.SECONDS);
            assertThat(sent).isEmpty();
            assertThat(result.status()).isEqualTo(RunStatus.BLOCKED_KILL_SWITCH);
            assertThat(result.note()).contains("position mismatch");
            // and no intent was written for an order that never left
            assertThat(jdbc.getJdbcTemplate().queryForObject("SELECT count(*) FROM order_intents", Integer.class)).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
