package io.ztrade.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import io.ztrade.agent.AgentActions;
import io.ztrade.alert.Alerts;
import io.ztrade.agent.ClusterRuns;
import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.AgentScheduler;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Two nodes on one PostgreSQL and one Redis share the agents' schedule: each fire time runs on exactly one node,
 * a stateful agent never runs twice at once anywhere, a run now is refused on one node while the agent's run goes on
 * on the other, an alert's quiet period holds for both, and when a node stops, or is killed mid-run, the other carries on within the detection window.
 */
@io.ztrade.MostlyWaits
class QuartzClusterTest {

    private static final Duration CHECKIN = Duration.ofSeconds(1);

    /** The node's admin (stored there as a bcrypt hash, see Node). */
    private static final String ADMIN = "admin:cluster-test-admin-password";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final HeldAnswer held = new HeldAnswer();
    private String database;
    private AlpacaStub alpaca;
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private Process crashing;
    private final String prefix = ProductionServices.redisPrefix();

    @BeforeEach
    void services() {
        ProductionServices.requireRedis();
        database = ProductionServices.createDatabase("cluster");
        alpaca = new AlpacaStub(held);
        // cluster_slow's broker answers late, so its runs outlast its 2 s period
        alpaca.server.stubFor(post(urlPathEqualTo("/v2/orders"))
                .withRequestBody(matchingJsonPath("$.client_order_id", com.github.tomakehurst.wiremock.client.WireMock
                        .matching("zt-cluster_slow-.*")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(AlpacaStub.ORDER).withFixedDelay(3000)));
        // cluster_manual's broker holds its answer until the test releases it: the run goes on as long as needed
        alpaca.server.stubFor(post(urlPathEqualTo("/v2/orders"))
                .withRequestBody(matchingJsonPath("$.client_order_id", com.github.tomakehurst.wiremock.client.WireMock
                        .matching("zt-cluster_manual-.*")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(AlpacaStub.ORDER).withTransformers(HeldAnswer.NAME)));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (crashing != null && crashing.isAlive()) {
            crashing.destroyForcibly().waitFor();
        }
        nodes.forEach(ConfigurableApplicationContext::close);
        alpaca.close();
        ProductionServices.dropDatabase(database);
        ProductionServices.deleteRedisKeys(prefix);
    }

    @Test
    void eachFireTimeRunsOnceAcrossTwoNodesAndTheSurvivorTakesOver() throws Exception {
        ConfigurableApplicationContext first = node(prefix);
        ConfigurableApplicationContext second = node(prefix);
        Instant bothUp = Instant.now();

        // a manual run goes through the shared job store too (its job data are strings, as a JDBC store needs)
        second.getBean(AgentScheduler.class).runNow("cluster_fast", RunTrigger.MANUAL, false);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> count("SELECT count(*) FROM agent_runs WHERE run_trigger = 'MANUAL'") == 1);

        runNowIsAnsweredForTheWholeCluster(first, second);
        // an alert's quiet period holds for both nodes: the failure first alerted by one is held back on the other
        assertThat(first.getBean(Alerts.class).raise("cluster-test", "Ztrade: cluster test", "seen on the first node"))
                .isTrue();
        assertThat(second.getBean(Alerts.class).raise("cluster-test", "Ztrade: cluster test", "seen on the second node"))
                .as("the second node, in the first node's quiet period").isFalse();
        assertThat(count("SELECT count(*) FROM recent_alerts WHERE kind = 'cluster-test'")).isEqualTo(1);

        // a few fire times with both nodes up
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> fireTimes("cluster_fast", bothUp) >= 4);

        first.close();
        Instant stopped = Instant.now();

        // the survivor notices the other node is gone (check-in interval + Quartz's 7.5 s grace) ...
        await().atMost(CHECKIN.plusSeconds(7 + 15)).pollInterval(Duration.ofMillis(250))
                .until(() -> count("SELECT count(*) FROM qrtz_scheduler_state") == 1);
        // ... and runs the fire times after the stop on its own (a bound for a loaded CI machine, not a speed claim)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> fireTimes("cluster_fast", stopped.plusSeconds(1)) >= 3);

        assertThat(duplicateFireTimes()).as("fire times run more than once").isEmpty();
        assertThat(overlappingRuns("cluster_slow")).as("cluster_slow runs overlapping in time").isEmpty();
        assertThat(count("SELECT count(*) FROM agent_runs WHERE agent_id = 'cluster_slow'")).isPositive();
        Map<String, Long> posted = alpaca.postedClientOrderIds().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(posted).isNotEmpty();
        assertThat(posted.values()).as("orders sent to the broker per client order id").containsOnly(1L);
    }

    @Test
    void aKilledNodesBlockedAgentRunsOnTheSurvivor() throws Exception {
        // node B in a JVM of its own, killed like a crash while it runs cluster_slow (its trigger BLOCKED for all)
        crashing = Node.startProcess(Path.of("target", "cluster-node-b-" + database + ".log"),
                ProductionServices.jdbcUrl(database), "classpath:routes/cluster-agents.yaml", nodeArgs(prefix));
        // (its tables appear once its Flyway has run)
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> count("SELECT count(*) FROM qrtz_scheduler_state") == 1);
        String nodeB = rows("SELECT instance_name FROM qrtz_scheduler_state").get(0);
        ConfigurableApplicationContext survivor = node(prefix);
        String nodeA = scheduler(survivor).getSchedulerInstanceId();
        assertThat(nodeA).isNotEqualTo(nodeB);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> count("SELECT count(*) FROM qrtz_fired_triggers WHERE trigger_name = 'cluster_slow'"
                        + " AND state = 'EXECUTING' AND instance_name = '" + nodeB + "'") == 1);
        crashing.destroyForcibly().waitFor();
        Instant killed = Instant.now();

        // the survivor declares B dead (check-in interval + 7.5 s grace), releases the blocked job, and runs it
        await().atMost(CHECKIN.plusSeconds(7 + 20)).pollInterval(Duration.ofMillis(250))
                .until(() -> rows("SELECT instance_name FROM qrtz_scheduler_state").equals(List.of(nodeA)));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> count("SELECT count(*) FROM agent_runs WHERE agent_id = 'cluster_slow'"
                        + " AND started_at > '" + killed + "'") >= 1);
        assertThat(duplicateFireTimes()).as("fire times run more than once").isEmpty();
        assertThat(overlappingRuns("cluster_slow")).as("cluster_slow runs overlapping in time").isEmpty();
    }

    /**
     * Issue 16: while cluster_manual's run goes on on one node, a run now on the other is refused at once (409, naming
     * the run and the node), not queued behind it; once it has ended a run now is accepted. A run now that comes while
     * the other node is firing one waits for that firing, then is refused. A node that asked for runs another node
     * ran is not refused afterwards. (The first node is in standby, taking no trigger, until the last step, so the
     * second runs every run.)
     */
    private void runNowIsAnsweredForTheWholeCluster(ConfigurableApplicationContext first,
                                                    ConfigurableApplicationContext second) throws Exception {
        String secondNode = scheduler(second).getSchedulerInstanceId();
        scheduler(first).standby();
        String runId;
        String afterId;
        String winner;
        try {
            HttpResponse<String> accepted = runNow(second);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            runId = json.readTree(accepted.body()).get("runId").asText();
            assertThat(held.awaitHeld(Duration.ofSeconds(60))).as("run %s reached the broker", runId).isTrue();
            // (the run is in its broker step, so its fired trigger is EXECUTING on the second node)
            assertThat(rows("SELECT instance_name FROM qrtz_fired_triggers WHERE job_name = 'cluster_manual'"
                    + " AND state = 'EXECUTING'")).containsExactly(secondNode);
            try {
                HttpResponse<String> refused = runNow(first);

                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
                JsonNode body = json.readTree(refused.body());
                assertThat(body.get("outcome").asText()).isEqualTo("REFUSED_ALREADY_RUNNING");
                assertThat(body.get("runId").asText()).isEqualTo(runId);
                assertThat(body.get("node").asText()).isEqualTo(secondNode);
                assertThat(body.get("message").asText()).startsWith("agent cluster_manual already has run " + runId
                        + " going on on node " + secondNode);
                assertThat(refused.headers().firstValue("Location")).isEmpty();
            } finally {
                held.release();
            }
            awaitEnded(runId);
            // it has ended: the first node starts one
            HttpResponse<String> after = runNow(first);
            assertThat(after.statusCode()).as(after.body()).isEqualTo(202);
            afterId = json.readTree(after.body()).get("runId").asText();
            assertThat(after.headers().firstValue("Location")).hasValue("/api/runs/" + afterId);
            awaitEnded(afterId);

            // the check and the firing are one step for the cluster: while the first node fires a run (holding the
            // agent's run now lock), a run now on the second waits for the lock, then sees that run and is refused
            held.arm();
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch fire = new CountDownLatch(1);
            CompletableFuture<String> firing = CompletableFuture.supplyAsync(() -> first.getBean(ClusterRuns.class)
                    .exclusively("cluster_manual", () -> {
                        locked.countDown();
                        try {
                            assertThat(fire.await(60, TimeUnit.SECONDS)).isTrue();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return first.getBean(AgentActions.class).runNow("cluster_manual", false);
                    }));
            try {
                assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
                CompletableFuture<HttpResponse<String>> meanwhile = CompletableFuture.supplyAsync(() -> runNow(second));
                await("the second node's run now waits for the first node's run now lock").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(50)).until(() -> count(
                                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = "
                                        + QuartzClusterRuns.LOCK_CLASS) == 1);
                fire.countDown();
                winner = firing.get(30, TimeUnit.SECONDS);
                HttpResponse<String> waited = meanwhile.get(30, TimeUnit.SECONDS);
                assertThat(waited.statusCode()).as(waited.body()).isEqualTo(409);
                JsonNode loser = json.readTree(waited.body());
                assertThat(loser.get("outcome").asText()).isEqualTo("REFUSED_ALREADY_RUNNING");
                assertThat(loser.get("runId").asText()).isEqualTo(winner);
            } finally {
                fire.countDown();
                held.release();
            }
            awaitEnded(winner);
        } finally {
            scheduler(first).start();
        }
        // the first node asked for runs the second ran: it remembers no run waiting
        HttpResponse<String> last = runNow(first);
        assertThat(last.statusCode()).as(last.body()).isEqualTo(202);
        String lastId = json.readTree(last.body()).get("runId").asText();
        awaitEnded(lastId);
        assertThat(rows("SELECT run_id FROM agent_runs WHERE agent_id = 'cluster_manual'"))
                .as("cluster_manual's runs").containsExactlyInAnyOrder(runId, afterId, winner, lastId);
        assertThat(overlappingRuns("cluster_manual")).isEmpty();
    }

    /** Until the run's record is written and no node runs cluster_manual any more. */
    private void awaitEnded(String runId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> count("SELECT count(*) FROM agent_runs WHERE run_id = '" + runId + "'") == 1
                        && count("SELECT count(*) FROM qrtz_fired_triggers WHERE job_name = 'cluster_manual'") == 0);
    }

    /** POST /api/agents/cluster_manual/runs on that node, as bin/ztrade run does. */
    private HttpResponse<String> runNow(ConfigurableApplicationContext node) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                    + node.getEnvironment().getProperty("local.server.port") + "/api/agents/cluster_manual/runs"))
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ConfigurableApplicationContext node(String redisPrefix) {
        ConfigurableApplicationContext node = Node.start(ProductionServices.jdbcUrl(database),
                "classpath:routes/cluster-agents.yaml", nodeArgs(redisPrefix));
        nodes.add(node);
        return node;
    }

    private String[] nodeArgs(String redisPrefix) {
        return Node.againstStub(redisPrefix, alpaca.url(),
                "--ztrade.quartz.cluster-checkin-interval=" + CHECKIN.toMillis() + "ms");
    }

    private static Scheduler scheduler(ConfigurableApplicationContext node) {
        return node.getBean(CamelContext.class).getComponent("quartz", QuartzComponent.class).getScheduler();
    }

    private long fireTimes(String agentId, Instant after) throws SQLException {
        return count("SELECT count(DISTINCT scheduled_at) FROM agent_runs WHERE agent_id = '" + agentId
                + "' AND run_trigger = 'SCHEDULE' AND scheduled_at > '" + after + "'");
    }

    private List<String> duplicateFireTimes() throws SQLException {
        return rows("SELECT agent_id || ' ' || scheduled_at || ' x' || count(*) FROM agent_runs"
                + " WHERE run_trigger = 'SCHEDULE' GROUP BY agent_id, scheduled_at HAVING count(*) > 1");
    }

    private List<String> overlappingRuns(String agentId) throws SQLException {
        return rows("SELECT a.run_id || ' overlaps ' || b.run_id FROM agent_runs a JOIN agent_runs b"
                + " ON a.agent_id = b.agent_id AND a.run_id < b.run_id"
                + " AND a.started_at < b.finished_at AND b.started_at < a.finished_at"
                + " WHERE a.agent_id = '" + agentId + "'");
    }

    private long count(String query) throws SQLException {
        return ProductionServices.count(database, query);
    }

    private List<String> rows(String query) throws SQLException {
        return ProductionServices.rows(database, query);
    }
}
