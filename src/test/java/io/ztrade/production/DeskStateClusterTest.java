package io.ztrade.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentScheduler;
import io.ztrade.agent.RunStatus;
import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.steps.OrderPlacement;
import io.ztrade.broker.OrderSide;
import io.ztrade.desk.DeskOperations;
import io.ztrade.risk.DeskModes;
import io.ztrade.risk.RiskVerdict;
import io.ztrade.risk.TradingMode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The desk state on PostgreSQL, shared by the nodes of a cluster: the kill switch flipped on one node stops the
 * other's next order within a second; a node that cannot read the store places no order.
 */
class DeskStateClusterTest {

    private static final int FLIPS = 20;

    private String database;
    private AlpacaStub alpaca;
    private TcpProxy postgres;
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final String prefix = ProductionServices.redisPrefix();

    @BeforeEach
    void services() {
        ProductionServices.requireRedis();
        database = ProductionServices.createDatabase("desk");
        alpaca = new AlpacaStub();
    }

    @AfterEach
    void stop() throws Exception {
        nodes.forEach(ConfigurableApplicationContext::close);
        if (postgres != null) {
            postgres.close();
        }
        alpaca.close();
        ProductionServices.dropDatabase(database);
        ProductionServices.deleteRedisKeys(prefix);
    }

    @Test
    void theKillSwitchFlippedOnOneNodeStopsTheOthersNextOrderWithinOneSecond() {
        ConfigurableApplicationContext first = node(ProductionServices.jdbcUrl(database));
        ConfigurableApplicationContext second = node(ProductionServices.jdbcUrl(database));
        DeskModes secondDesk = second.getBean(DeskModes.class);
        assertThat(secondDesk.effective("test_crypto").mode()).isEqualTo(TradingMode.ACTIVE);

        List<Long> lagsMillis = new ArrayList<>();
        for (int i = 0; i < FLIPS; i++) {
            long flipped = System.nanoTime();
            first.getBean(DeskOperations.class).killSwitch(true);
            while (secondDesk.effective("test_crypto").mode() != TradingMode.HALTED) {
                assertThat(Duration.ofNanos(System.nanoTime() - flipped)).as("node 2 still trades after").isLessThan(Duration.ofSeconds(1));
                Thread.onSpinWait();
            }
            lagsMillis.add((System.nanoTime() - flipped) / 1_000_000);
            if (i < FLIPS - 1) {
                first.getBean(DeskOperations.class).killSwitch(false);
                await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(5))
                        .until(() -> secondDesk.effective("test_crypto").mode() == TradingMode.ACTIVE);
            }
        }
        List<Long> sorted = lagsMillis.stream().sorted().toList();
        System.out.printf("kill switch on node 1 -> node 2 HALTED, %d flips: min %d ms, median %d ms, max %d ms%n",
                FLIPS, sorted.get(0), sorted.get(FLIPS / 2), sorted.get(FLIPS - 1));

        // node 2's next order stops right before the POST, and says whose switch it was
        AgentRun run = second.getBean(OrderPlacement.class).place(approved(second, Instant.now()));
        assertThat(run.status()).isEqualTo(RunStatus.BLOCKED_KILL_SWITCH);
        assertThat(run.note()).contains("desk HALTED by jmx (kill-switch)");
        assertThat(alpaca.postedClientOrderIds()).isEmpty();
    }

    @Test
    void aNodeThatCannotReadTheDeskStatePlacesNoOrder() throws Exception {
        postgres = new TcpProxy(ProductionServices.PG_HOST, ProductionServices.PG_PORT);
        ConfigurableApplicationContext node = node(ProductionServices.jdbcUrl("127.0.0.1", postgres.port(), database),
                "--spring.datasource.hikari.connection-timeout=500",
                // the runs are started by hand; Quartz in memory, so the scheduler does not need the database
                "--ztrade.quartz.clustered=false");
        AgentScheduler scheduler = node.getBean(AgentScheduler.class);
        scheduler.runNow("test_crypto", RunTrigger.MANUAL, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> alpaca.postedClientOrderIds().size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM agent_runs") == 1);

        postgres.cut();
        Instant cut = Instant.now();
        scheduler.runNow("test_crypto", RunTrigger.MANUAL, false);
        assertThat(node.getBean(OrderPlacement.class).place(approved(node, cut)).status())
                .as("an order approved before the cut, at the placement").isEqualTo(RunStatus.BLOCKED_KILL_SWITCH);
        assertThat(node.getBean(HealthEndpoint.class).healthForPath("desk").getStatus()).isEqualTo(Status.DOWN);

        postgres.restore();
        // the cut run's record reaches PostgreSQL from the journal once it is back
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM agent_runs") == 2);
        try (Connection connection = ProductionServices.connect(database); Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT status, note, client_order_id FROM agent_runs WHERE started_at > '" + cut + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("status")).isEqualTo("BLOCKED_KILL_SWITCH");
            assertThat(rs.getString("note")).contains("desk (fail-safe) HALTED").contains("cannot be read");
            assertThat(rs.getString("client_order_id")).isNull();
        }
        assertThat(alpaca.postedClientOrderIds()).as("orders posted: only the one before the cut").hasSize(1);
        assertThat(node.getBean(HealthEndpoint.class).healthForPath("desk").getStatus()).isEqualTo(Status.UP);
    }

    private static AgentRun approved(ConfigurableApplicationContext node, Instant at) {
        return AgentRun.start(node.getBean(AgentCatalog.class).get("test_crypto"), RunTrigger.MANUAL, false, at, at)
                .withRisk(new RiskVerdict(RiskVerdict.Outcome.APPROVED, List.of(), OrderSide.BUY, null, new BigDecimal("10")));
    }

    private long count(String query) throws Exception {
        return ProductionServices.count(database, query);
    }

    private ConfigurableApplicationContext node(String jdbcUrl, String... extra) {
        ConfigurableApplicationContext node = Node.start(jdbcUrl, "classpath:routes/test-agents.yaml",
                Node.againstStub(prefix, alpaca.url(), extra));
        nodes.add(node);
        return node;
    }
}
