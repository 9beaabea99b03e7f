package io.ztrade.production;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ztrade.reconcile.AlpacaOrdersStub.order;
import static io.ztrade.reconcile.AlpacaOrdersStub.position;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ztrade.reconcile.AlpacaOrdersStub;
import io.ztrade.reconcile.ReconcileReport;
import io.ztrade.reconcile.Reconciler;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A production node restarted on the PostgreSQL a crash left behind: before its first order, the start-up
 * reconciliation gives every broker order exactly one record with the broker's real state, and says how long it took.
 */
class StartupReconciliationTest {

    private static final String NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

    private final String prefix = ProductionServices.redisPrefix();
    private String database;
    private AlpacaStub alpaca;
    private ConfigurableApplicationContext node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        if (alpaca != null) {
            alpaca.close();
        }
        ProductionServices.dropDatabase(database);
        ProductionServices.deleteRedisKeys(prefix);
    }

    @Test
    void aRestartAfterACrashReconcilesEveryBrokerOrderIntoExactlyOneRecord() throws SQLException {
        ProductionServices.requireRedis();
        database = ProductionServices.createDatabase("reconcile");
        Flyway.configure().dataSource(ProductionServices.jdbcUrl(database), ProductionServices.PG_USER, null)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
        // what the crash left: an intent whose record never got written, a record that stayed ORDER_SUBMITTED, an
        // intent the broker never got; and at the broker an order nothing here names
        try (Connection sql = ProductionServices.connect(database)) {
            intent(sql, "zt-test_crypto-1796100000", "5b0c4a52-0000-4000-8000-00000000000a", "test_crypto", "BTC/USD",
                    "crypto", Instant.now().minusSeconds(20));
            intent(sql, "zt-test_stock-1796100300", "5b0c4a52-0000-4000-8000-00000000000d", "test_stock", "TSLA",
                    "us_equity", Instant.now().minus(10, ChronoUnit.MINUTES));
            submittedRecord(sql, "5b0c4a52-0000-4000-8000-00000000000b", "zt-test_stock-1796100100");
        }
        alpaca = new AlpacaStub();
        List<String> ids = List.of("zt-test_crypto-1796100000", "zt-test_stock-1796100100", "zt-test_crypto-1796100200");
        AlpacaOrdersStub.orders(alpaca.server, List.of(
                order("0a000000-0000-4000-8000-00000000000a", ids.get(0), "BTC/USD", "crypto", "buy", null, "1000", "filled",
                        "0.015", "66000", NOW),
                order("0a000000-0000-4000-8000-00000000000b", ids.get(1), "TSLA", "us_equity", "buy", null, "1000", "filled",
                        "4.2", "238.10", NOW),
                order("0a000000-0000-4000-8000-00000000000c", ids.get(2), "BTC/USD", "crypto", "buy", null, "500", "filled",
                        "0.0075", "66500", NOW)), ids);
        AlpacaOrdersStub.positions(alpaca.server, position("BTCUSD", "crypto", "0.0225", "66000"),
                position("TSLA", "us_equity", "4.2", "238.10"));

        Instant started = Instant.now();
        node = Node.start(ProductionServices.jdbcUrl(database), "classpath:routes/test-agents.yaml",
                "--ztrade.quartz.clustered=false",
                "--ztrade.redis.key-prefix=" + prefix,
                "--ztrade.alpaca.base-url=" + alpaca.url(),
                "--ztrade.alpaca.data-url=" + alpaca.url(),
                "--ztrade.alphavantage.base-url=" + alpaca.url());
        Instant ready = Instant.now();
        Reconciler reconciler = node.getBean(Reconciler.class);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> reconciler.lastReconciled() != null);
        Instant reconciled = Instant.now();
        ReconcileReport report = reconciler.lastReconciled();
        System.out.printf("start-up reconciliation: app start %d ms, ready to reconciled %d ms, pass %d ms, %d actions%n",
                Duration.between(started, ready).toMillis(), Duration.between(ready, reconciled).toMillis(),
                report.took().toMillis(), report.actions().size());

        assertThat(report.trigger()).isEqualTo("startup");
        assertThat(report.actions()).extracting(ReconcileReport.Action::kind)
                .containsExactlyInAnyOrder("CREATED", "COMPLETED", "ORPHAN", "NEVER_REACHED");
        assertThat(report.issues()).isEmpty();
        try (Connection sql = ProductionServices.connect(database)) {
            for (String id : ids) {
                assertThat(statusesNaming(sql, id)).as(id).containsExactly("FILLED/filled");
            }
            assertThat(statusesNaming(sql, "zt-test_stock-1796100300")).containsExactly("FAILED/null");
        }
        alpaca.server.verify(0, postRequestedFor(urlPathEqualTo("/v2/orders")));
    }

    private static void intent(Connection sql, String cid, String runId, String agentId, String symbol, String assetClass,
                               Instant createdAt) throws SQLException {
        try (PreparedStatement insert = sql.prepareStatement("INSERT INTO order_intents (client_order_id, run_id, agent_id,"
                + " symbol, asset_class, run_trigger, side, notional, time_in_force, scheduled_at, created_at)"
                + " VALUES (?, ?, ?, ?, ?, 'SCHEDULE', 'BUY', 1000, 'gtc', ?, ?)")) {
            insert.setString(1, cid);
            insert.setString(2, runId);
            insert.setString(3, agentId);
            insert.setString(4, symbol);
            insert.setString(5, assetClass);
            insert.setTimestamp(6, Timestamp.from(Instant.ofEpochSecond(Long.parseLong(cid.substring(cid.lastIndexOf('-') + 1)))));
            insert.setTimestamp(7, Timestamp.from(createdAt));
            insert.executeUpdate();
        }
    }

    /** The record a run wrote when its fill came after the poll: ORDER_SUBMITTED, the broker said accepted. */
    private static void submittedRecord(Connection sql, String runId, String cid) throws SQLException {
        try (PreparedStatement insert = sql.prepareStatement("INSERT INTO agent_runs (run_id, agent_id, symbol, asset_class,"
                + " run_trigger, scheduled_at, started_at, status, degraded, order_side, order_notional, client_order_id,"
                + " broker_order_id, order_status, fill_qty, run_json) VALUES (?, 'test_stock', 'TSLA', 'us_equity', 'SCHEDULE',"
                + " now(), now(), 'ORDER_SUBMITTED', false, 'BUY', 1000, ?, '0a000000-0000-4000-8000-00000000000b',"
                + " 'accepted', 0, '{}')")) {
            insert.setString(1, runId);
            insert.setString(2, cid);
            insert.executeUpdate();
        }
    }

    private static List<String> statusesNaming(Connection sql, String cid) throws SQLException {
        Map<String, String> found = new HashMap<>();
        try (PreparedStatement query = sql.prepareStatement(
                "SELECT run_id, status, order_status FROM agent_runs WHERE client_order_id = ?")) {
            query.setString(1, cid);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getString(2) + "/" + rs.getString(3));
                }
            }
        }
        return List.copyOf(found.values());
    }
}
