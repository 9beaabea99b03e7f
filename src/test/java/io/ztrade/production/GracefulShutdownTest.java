package io.ztrade.production;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A production node in a JVM of its own, sent SIGTERM (Process.destroy) while its run waits for the broker stub's
 * answer to the order POST. A run that ends within ztrade.shutdown.timeout finishes and is recorded; one that does
 * not is recorded INTERRUPTED with its order's client order id, and the JVM exits without waiting for it. In both,
 * no fire time starts after the signal.
 */
// beside the rest of the suite (junit-platform.properties); its own tests one at a time
@Execution(ExecutionMode.CONCURRENT)
class GracefulShutdownTest {

    private String database;
    private AlpacaStub alpaca;
    private Process node;
    private final String prefix = ProductionServices.redisPrefix();

    @BeforeEach
    void services() {
        ProductionServices.requireRedis();
        database = ProductionServices.createDatabase("shutdown");
        alpaca = new AlpacaStub();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (node != null && node.isAlive()) {
            node.destroyForcibly().waitFor();
        }
        alpaca.close();
        ProductionServices.dropDatabase(database);
        ProductionServices.deleteRedisKeys(prefix);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void aRunShorterThanTheTimeoutFinishesAndIsRecorded() throws Exception {
        Signalled signalled = sigtermWhileTheBrokerHoldsTheOrder(Duration.ofSeconds(4), "20s");

        List<Map<String, String>> runs = runs();
        assertThat(runs).hasSize(1);
        Map<String, String> run = runs.get(0);
        assertThat(run.get("status")).as(run.toString()).isEqualTo("ORDER_SUBMITTED");
        assertThat(run.get("client_order_id")).isEqualTo(signalled.clientOrderId());
        assertThat(run.get("broker_order_id")).isNotNull();
        assertThat(alpaca.postedClientOrderIds()).as("no fire time after the SIGTERM").containsExactly(signalled.clientOrderId());
        assertThat(Instant.parse(run.get("finished_at"))).isAfter(signalled.at());
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void aRunLongerThanTheTimeoutIsRecordedInterruptedAndTheJvmExits() throws Exception {
        Signalled signalled = sigtermWhileTheBrokerHoldsTheOrder(Duration.ofSeconds(60), "3s");

        List<Map<String, String>> runs = runs();
        assertThat(runs).hasSize(1);
        Map<String, String> run = runs.get(0);
        assertThat(run.get("status")).as(run.toString()).isEqualTo("INTERRUPTED");
        assertThat(run.get("client_order_id")).as("the order reconciliation must look up").isEqualTo(signalled.clientOrderId());
        assertThat(run.get("broker_order_id")).isNull();
        assertThat(run.get("risk_verdict")).isEqualTo("APPROVED");
        assertThat(run.get("note")).contains("interrupted by a shutdown", signalled.clientOrderId(), "reconciliation");
        assertThat(alpaca.postedClientOrderIds()).as("no fire time after the SIGTERM").containsExactly(signalled.clientOrderId());
        assertThat(Files.readString(signalled.log())).contains("recorded INTERRUPTED");
    }

    record Signalled(String clientOrderId, Instant at, Path log) {
    }

    /** Starts the node, waits for its first order POST (held by the stub), sends SIGTERM and waits for the exit. */
    private Signalled sigtermWhileTheBrokerHoldsTheOrder(Duration brokerDelay, String shutdownTimeout) throws Exception {
        alpaca.server.stubFor(post(urlPathEqualTo("/v2/orders")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(AlpacaStub.ORDER)
                .withFixedDelay((int) brokerDelay.toMillis())));
        Path log = Path.of("target", "shutdown-node-" + database + ".log");
        node = Node.startProcess(log, ProductionServices.jdbcUrl(database), "classpath:routes/shutdown-agents.yaml",
                Node.againstStub(prefix, alpaca.url(), "--ztrade.shutdown.timeout=" + shutdownTimeout));
        try {
            // a loaded machine takes minutes to start a node
            await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !alpaca.postedClientOrderIds().isEmpty() || !node.isAlive());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no order POSTed; broker stub saw " + alpaca.server.getAllServeEvents().stream()
                    .map(event -> event.getRequest().getUrl()).toList() + "; triggers "
                    + column("SELECT trigger_name || ' ' || trigger_state FROM qrtz_triggers") + "; runs "
                    + column("SELECT status || ' ' || coalesce(error, '') FROM agent_runs") + "; see " + log, e);
        }
        assertThat(node.isAlive()).as("node started; see " + log).isTrue();
        String clientOrderId = alpaca.postedClientOrderIds().get(0);
        Instant at = Instant.now();
        long signalled = System.nanoTime();
        node.destroy();
        // a bound against a hang, not a speed claim: the measured time is printed
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("the node exits after SIGTERM; see " + log).isTrue();
        System.out.printf("SIGTERM to exit: %d ms (broker delay %s, ztrade.shutdown.timeout %s), exit code %d%n",
                (System.nanoTime() - signalled) / 1_000_000, brokerDelay, shutdownTimeout, node.exitValue());
        assertThat(node.exitValue()).as("exit on SIGTERM (128 + 15)").isEqualTo(143);
        return new Signalled(clientOrderId, at, log);
    }

    private List<String> column(String query) throws SQLException {
        return ProductionServices.rows(database, query);
    }

    private List<Map<String, String>> runs() throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Connection connection = ProductionServices.connect(database); Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT status, client_order_id, broker_order_id, risk_verdict, note,"
                     + " finished_at FROM agent_runs ORDER BY started_at")) {
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String column : List.of("status", "client_order_id", "broker_order_id", "risk_verdict", "note")) {
                    row.put(column, rs.getString(column));
                }
                row.put("finished_at", rs.getTimestamp("finished_at") == null ? null
                        : rs.getTimestamp("finished_at").toInstant().toString());
                rows.add(row);
            }
        }
        return rows;
    }
}
