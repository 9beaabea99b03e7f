package io.ztrade.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ztrade.production.StatefulAlpacaStub.Hold;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's fault injection: a production node (a JVM of its own, PostgreSQL, Redis) is killed with SIGKILL at one
 * point of a run's order, then a node is started again on the same database, the same Redis and the same broker.
 * The broker is {@link StatefulAlpacaStub}: it keeps the orders it accepted and stops an order at the kill point
 * until the node is dead, so every point is hit by an event, never by a sleep.
 *
 * <p>Kill points (each one manual run of {@code crash_agent}, a $10 BTC/USD buy):
 * <ol>
 *   <li>{@code BEFORE_POST}: the node waits for the broker's answer to its look-up by client order id, the last
 *       step before the POST. The order never reaches the broker.</li>
 *   <li>{@code BROKER_HOLDS_ANSWER}: the broker accepted and filled the order but holds the POST's answer.</li>
 *   <li>{@code AFTER_ANSWER_BEFORE_RECORD}: the broker answers "filled" at once, and PostgreSQL (behind a
 *       {@link TcpProxy}) freezes just before that answer leaves; the node is killed as soon as it next talks to
 *       the database, so nothing it learnt from the answer is stored. (Those first bytes could in principle be a
 *       Quartz check-in that came before the node read the answer; the broker's state and the records are the same
 *       either way. In the loops run so far the run's summary line, logged after the answer, was always there.)</li>
 *   <li>{@code DURING_FILL_POLL}: the POST answered "accepted"; the node's first poll for the fill is held. The order
 *       fills at the broker while the node is dead.</li>
 * </ol>
 * The points come one after another on one desk, as crashes would: the node restarted after one crash reconciles it
 * and is the node killed at the next point (five node starts for four crashes). After each restart, within
 * {@link #RECONCILE} and for {@link #SETTLE} after: every broker order so far is named by exactly one
 * {@code agent_runs} row whose status and fill are the broker's, no client order id was POSTed twice across all lives,
 * no row claims an order the broker does not have, and the agent's position at the broker is the sum of its FILLED
 * rows. The test prints each point's time from restart to that reconciled state.
 */
// beside the rest of the suite (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class CrashRecoveryTest {

    private static final String AGENT = "crash_agent";
    private static final String SYMBOL = "BTC/USD";
    /** Node's admin password (stored there as a bcrypt hash). */
    private static final String ADMIN = "admin:cluster-test-admin-password";
    /** Bounds for a loaded CI machine, not speed claims. */
    private static final Duration START = Duration.ofSeconds(180);
    private static final Duration REACH = Duration.ofSeconds(60);
    /** From the restarted node's "Started": start-up reconciliation plus many 2 s intervals. */
    private static final Duration RECONCILE = Duration.ofSeconds(60);
    /** How long the reconciled state must then hold: two reconciliation intervals. */
    private static final Duration SETTLE = Duration.ofSeconds(4);

    enum KillPoint {
        BEFORE_POST(Hold.LOOKUP_BEFORE_POST, false),
        BROKER_HOLDS_ANSWER(Hold.POST_ANSWER, true),
        AFTER_ANSWER_BEFORE_RECORD(Hold.ANSWER_HOOK, true),
        DURING_FILL_POLL(Hold.FILL_POLL, true);

        final Hold hold;
        final boolean orderAtBroker;

        KillPoint(Hold hold, boolean orderAtBroker) {
            this.hold = hold;
            this.orderAtBroker = orderAtBroker;
        }
    }

    /** One node's life: its JVM, its HTTP port and the proxy it reaches PostgreSQL through. */
    record Life(String name, Process node, int port, TcpProxy proxy) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String prefix = ProductionServices.redisPrefix();
    private final List<Life> lives = new ArrayList<>();
    private String database;
    private StatefulAlpacaStub broker;
    private AlpacaStub alpaca;
    private Path logs;
    private RecordsCheck records;

    @BeforeEach
    void services() throws IOException {
        ProductionServices.requireRedis();
        database = ProductionServices.createDatabase("crash");
        broker = new StatefulAlpacaStub();
        alpaca = new AlpacaStub(broker);
        broker.install(alpaca.server);
        logs = Path.of("target", "crash-recovery", database);
        records = new RecordsCheck(broker, database, AGENT, SYMBOL);
    }

    @AfterEach
    void stop() throws Exception {
        for (Life life : lives) {
            life.node().destroyForcibly().waitFor();
        }
        broker.release();
        for (Life life : lives) {
            life.proxy().close();
        }
        alpaca.close();
        ProductionServices.dropDatabase(database);
        ProductionServices.deleteRedisKeys(prefix);
    }

    @Test
    void everyBrokerOrderHasOneTrueRecordAfterEachCrashAndRestart() throws Exception {
        Life life = start("life-1");
        awaitStarted(life);
        for (KillPoint point : KillPoint.values()) {
            String victim = crash(life, point);

            Instant restart = Instant.now();
            life = start("life-" + (lives.size() + 1));
            awaitStarted(life);
            Duration started = Duration.between(restart, Instant.now());
            try {
                await().atMost(RECONCILE).pollInterval(Duration.ofMillis(200))
                        .until(() -> records.problems(victim, point.orderAtBroker).isEmpty());
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("not reconciled " + RECONCILE.toSeconds() + " s after the restarted node"
                        + " started:\n" + report(point, victim));
            }
            Duration reconciled = Duration.between(restart, Instant.now());
            try {
                await().during(SETTLE).atMost(SETTLE.plusSeconds(5)).pollInterval(Duration.ofMillis(250))
                        .until(() -> records.problems(victim, point.orderAtBroker).isEmpty());
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("reconciled after " + reconciled.toMillis() + " ms, but not "
                        + SETTLE.toSeconds() + " s later:\n" + report(point, victim));
            }
            System.out.printf("%s: restart -> node started %d ms, -> reconciled %d ms; %s%n", point,
                    started.toMillis(), reconciled.toMillis(), records.tally());
        }
    }

    /** Arms the point, asks the node for a manual run, kills the node there; returns the run's client order id. */
    private String crash(Life life, KillPoint point) throws Exception {
        broker.hold(point.hold, life.proxy()::freeze);
        HttpResponse<String> run = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + life.port() + "/api/agents/" + AGENT + "/runs"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(run.statusCode()).as("%s: manual run of %s on %s: %s", point, AGENT, life.name(), run.body())
                .isEqualTo(202);
        String reached = awaitKillPoint(life, point);

        life.node().destroyForcibly().waitFor();
        String victim = broker.heldClientOrderId();
        broker.release();
        life.proxy().cut();
        System.out.printf("%s: %s killed (SIGKILL) at %s, order %s%n", point, life.name(), reached, victim);
        return victim;
    }

    private String report(KillPoint point, String victim) throws SQLException {
        return "kill point " + point + ", " + records.report(victim, point.orderAtBroker) + "\nnode logs: "
                + logs.toAbsolutePath();
    }

    /** Waits for the event of the kill point; returns what was seen. */
    private String awaitKillPoint(Life life, KillPoint point) throws Exception {
        if (!broker.awaitHold(REACH)) {
            throw new AssertionError(point + " not reached in " + REACH.toSeconds() + " s (" + point.hold
                    + "); broker orders " + broker.orders() + ", POSTs " + broker.postsPerClientOrderId()
                    + "; see " + logs);
        }
        if (point != KillPoint.AFTER_ANSWER_BEFORE_RECORD) {
            return point.hold + " held";
        }
        String sent = life.proxy().awaitClientBytesWhileFrozen(REACH);
        if (sent == null) {
            throw new AssertionError("the node never used PostgreSQL in " + REACH.toSeconds() + " s after the"
                    + " broker's answer; see " + logs);
        }
        return "answer sent, PostgreSQL frozen, node then sent " + sent;
    }

    /** A node on the test's database through a proxy of its own (a kill point may freeze it), on a free port. */
    private Life start(String name) throws IOException {
        TcpProxy proxy = new TcpProxy(ProductionServices.PG_HOST, ProductionServices.PG_PORT);
        int port = ProductionServices.closedPort();
        Process node = Node.startProcess(logs.resolve(name + ".log"),
                ProductionServices.jdbcUrl(ProductionServices.PG_HOST, proxy.port(), database),
                "classpath:routes/crash-agents.yaml",
                Node.againstStub(prefix, alpaca.url(), "--server.port=" + port,
                // a restarted node keeps its own journal, as it would on its volume
                "--ztrade.journal.dir=" + logs.resolve("journal"),
                "--ztrade.quartz.cluster-checkin-interval=1s",
                // issue 12's reconciliation: short here, so a missed start-up pass shows within the settle time
                "--ztrade.reconcile.interval=2s",
                // a node killed during a pass holds the cluster's reconciliation lease until it expires
                "--ztrade.reconcile.lease-ttl=10s"));
        Life life = new Life(name, node, port, proxy);
        lives.add(life);
        return life;
    }

    private void awaitStarted(Life started) {
        Process node = started.node();
        String life = started.name();
        Path log = logs.resolve(life + ".log");
        try {
            await().atMost(START).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!node.isAlive()) {
                    throw new AssertionError("the " + life + " node exited with " + node.exitValue() + ":\n" + tail(log));
                }
                return Files.exists(log) && Files.readString(log).contains("Started ZtradeApplication");
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the " + life + " node did not start in " + START.toSeconds() + " s:\n" + tail(log));
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
