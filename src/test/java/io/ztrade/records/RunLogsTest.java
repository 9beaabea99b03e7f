package io.ztrade.records;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.agent.AgentScheduler;
import io.ztrade.agent.RunTrigger;
import io.ztrade.management.OperationsTestSupport;
import io.ztrade.provider.ProviderUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each run keeps its own log (io.ztrade.agent.RunLogs): the lines logged while it went on, on every thread it hopped
 * to, with their step, secrets masked, bounded; served by {@code GET /api/runs/{id}/logs} and kept in {@code run_logs}.
 */
class RunLogsTest extends OperationsTestSupport {

    private static final org.slf4j.Logger FLOOD = LoggerFactory.getLogger("io.ztrade.test.flood");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AgentScheduler scheduler;

    /**
     * test_crypto HALTED while these tests run: its runs go through every step and end BLOCKED_KILL_SWITCH at risk,
     * with no order, so the context's other tests still find its position and its orders of the day below the limits.
     */
    @org.junit.jupiter.api.BeforeEach
    void halted() {
        desk.setMode("test_crypto", "HALTED", "run logs test", "test");
        desk.setMode("test_stock", "HALTED", "run logs test", "test");
    }

    @Autowired
    io.ztrade.desk.DeskOperations desk;

    @AfterEach
    void realMarketDataAndNews() {
        desk.setMode("test_crypto", "ACTIVE", "test over", "test");
        desk.setMode("test_stock", "ACTIVE", "test over", "test");
        Mockito.reset(marketData);
        NEWS.resetAll();
        NEWS.stubFor(get(urlPathEqualTo("/query")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(BULLISH_NEWS)));
    }

    @Test
    void aRunsLogKeepsItsRetryWithTheStepThatFailedItsRiskReasonsAndItsSummaryWithTheSecretMasked() {
        AtomicBoolean failed = new AtomicBoolean();
        doAnswer(call -> {
            if (failed.compareAndSet(false, true)) {
                throw new ProviderUnavailableException("market data outage calling /v2/stocks?apikey=" + SECRET);
            }
            return call.callRealMethod();
        }).when(marketData).snapshot(any(), any(), anyInt());

        RunRecord run = forcedRunInItsOwnSecond("test_crypto");
        assertThat(run.status()).isEqualTo("BLOCKED_KILL_SWITCH");

        List<JsonNode> lines = lines(run.runId(), "");
        JsonNode retry = lines.stream().filter(l -> l.get("message").asText().contains("market data outage"))
                .findFirst().orElseThrow(() -> new AssertionError("no retry line in " + lines));
        assertThat(retry.get("level").asText()).isEqualTo("WARN");
        assertThat(retry.get("step").asText()).isEqualTo("marketData");
        assertThat(retry.get("message").asText()).contains("apikey=***").doesNotContain(SECRET);
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.get("step").asText()).isEqualTo("risk");
            assertThat(l.get("message").asText()).startsWith("risk KILL_SWITCH BUY of BTC/USD: ")
                    .contains("test_crypto HALTED").contains("run logs test");
        });
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.get("logger").asText()).isEqualTo("io.ztrade.runs");
            assertThat(l.get("message").asText()).startsWith("test_crypto BTC/USD").contains("status=BLOCKED_KILL_SWITCH");
            // logged after every step, the retried one included
            assertThat(l.get("step").isNull()).as("the summary's step").isTrue();
        });
        assertThat(lines).extracting(l -> l.get("seq").asInt()).isSorted().doesNotHaveDuplicates();

        // one step's lines only
        assertThat(lines(run.runId(), "&step=marketData")).isNotEmpty()
                .allSatisfy(l -> assertThat(l.get("step").asText()).isEqualTo("marketData"));
        ResponseEntity<JsonNode> badStep = viewer().getForEntity("/api/runs/" + run.runId() + "/logs?step=marketdata", JsonNode.class);
        assertThat(badStep.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badStep.getBody().get("message").asText()).startsWith("unknown step 'marketdata'; steps: marketHours, marketData,");

        // kept in the records once the run has ended, masked there too
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(run.runId()) == lines.size());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM run_logs WHERE message LIKE ?", Integer.class, "%" + SECRET + "%"))
                .isZero();

        // for people: a line each, New York time, level, step, message
        HttpHeaders text = new HttpHeaders();
        text.set(HttpHeaders.ACCEPT, "text/plain, application/json;q=0.9");
        String plain = viewer().exchange("/api/runs/" + run.runId() + "/logs", HttpMethod.GET, new HttpEntity<>(text),
                String.class).getBody();
        assertThat(plain).startsWith("run " + run.runId() + " of test_crypto  BLOCKED_KILL_SWITCH")
                .containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}  WARN   marketData    .*market data outage")
                .doesNotContain(SECRET);
    }

    @Test
    void aLineLoggedInTheParallelSentimentBranchIsTheRunsWithItsStep() {
        NEWS.resetAll();
        NEWS.stubFor(get(urlPathEqualTo("/query")).willReturn(aResponse().withStatus(500).withBody("down")));

        RunRecord run = forcedRunInItsOwnSecond("test_crypto");

        assertThat(run.degraded()).isTrue();
        assertThat(lines(run.runId(), "&step=sentiment")).anySatisfy(l -> assertThat(l.get("message").asText())
                .contains("sentiment source").contains("failed"));
    }

    /**
     * Another Spring context started in this JVM resets Logback, which detaches and stops every appender of the root
     * logger (in a full suite every run log of the shared context was then empty): the next run still keeps its lines.
     */
    @Test
    void aRunAfterLogbacksResetStillKeepsItsLines() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> runLogs = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(a -> {
            if (a.getName() != null && a.getName().startsWith("ztrade-run-logs-")) {
                runLogs.add(a);
            }
        });
        assertThat(runLogs).isNotEmpty();
        // what LoggerContext.reset() does to them (root.recursiveReset: detachAndStopAllAppenders), without taking
        // the console's appenders and levels from the rest of the suite
        for (Appender<ILoggingEvent> a : runLogs) {
            a.stop();
            root.detachAppender(a);
        }

        RunRecord run = forcedRunInItsOwnSecond("test_crypto");

        assertThat(lines(run.runId(), "")).anySatisfy(l -> assertThat(l.get("message").asText()).contains("status="));
    }

    @Test
    void twoRunsAtOnceKeepOnlyTheirOwnLines() {
        NotifyBuilder both = new NotifyBuilder(camelContext()).filter(e -> e.getProperty(FailedRuns.RUN_PROPERTY) != null)
                .whenDone(2).create();
        String crypto = scheduler.runNow("test_crypto", RunTrigger.MANUAL, true);
        String stock = scheduler.runNow("test_stock", RunTrigger.MANUAL, true);
        assertThat(both.matches(30, TimeUnit.SECONDS)).isTrue();

        for (String[] run : List.of(new String[]{crypto, "test_crypto"}, new String[]{stock, "test_stock"})) {
            List<JsonNode> lines = lines(run[0], "");
            assertThat(lines).as("run %s of %s", run[0], run[1]).anySatisfy(l -> assertThat(l.get("message").asText()).startsWith(run[1] + " "));
            assertThat(lines).as("run %s of %s", run[0], run[1]).noneSatisfy(l -> assertThat(l.get("message").asText())
                    .contains(run[1].equals("test_crypto") ? "test_stock" : "test_crypto"));
        }
    }

    @Test
    void aRunThatLogs100000LinesKeepsItsFirstAndLastLinesAndSaysHowManyWereLeftOut() {
        doAnswer(call -> {
            FLOOD.info("one long line {}", "x".repeat(1_000_000));
            for (int i = 1; i <= 100_000; i++) {
                FLOOD.info("flood line {} of 100000", i);
            }
            return call.callRealMethod();
        }).when(marketData).snapshot(any(), any(), anyInt());
        RunRecord run;
        // the flood is the point, not the test's output file
        Appender<ILoggingEvent> console = consoleAppender();
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(console);
        try {
            run = forcedRunInItsOwnSecond("test_crypto");
        } finally {
            root.addAppender(console);
        }

        List<JsonNode> lines = lines(run.runId(), "");
        assertThat(lines).hasSize(500);
        assertThat(lines.get(0).get("message").asText()).hasSize(2000).startsWith("one long line xxx").endsWith("…");
        assertThat(lines.get(1).get("message").asText()).isEqualTo("flood line 1 of 100000");
        JsonNode gap = lines.stream().filter(l -> l.get("message").asText().contains("lines left out here"))
                .findFirst().orElseThrow();
        assertThat(gap.get("message").asText()).startsWith("99").contains("a run keeps its first 399 and its last 100 lines");
        // the last lines are the run's end: the summary, after the flood's last line
        assertThat(lines.get(lines.size() - 1).get("message").asText()).startsWith("test_crypto BTC/USD");
        assertThat(lines).anySatisfy(l -> assertThat(l.get("message").asText()).isEqualTo("flood line 100000 of 100000"));
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(run.runId()) == 500);
    }

    @Test
    void anUnknownRunHasNoLog() {
        ResponseEntity<JsonNode> none = viewer().getForEntity("/api/runs/no-such-run/logs", JsonNode.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(none.getBody().get("message").asText()).isEqualTo("no run with id 'no-such-run'");
    }

    @Autowired
    org.apache.camel.CamelContext camel;

    private org.apache.camel.CamelContext camelContext() {
        return camel;
    }

    @SuppressWarnings("unchecked")
    private static Appender<ILoggingEvent> consoleAppender() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> console = root.getAppender("CONSOLE");
        assertThat(console).as("Spring Boot's console appender").isNotNull();
        return console;
    }

    private List<JsonNode> lines(String runId, String query) {
        ResponseEntity<JsonNode> log = viewer().getForEntity("/api/runs/" + runId + "/logs?" + query, JsonNode.class);
        assertThat(log.getStatusCode()).as(String.valueOf(log.getBody())).isEqualTo(HttpStatus.OK);
        List<JsonNode> lines = new ArrayList<>();
        log.getBody().get("lines").forEach(lines::add);
        return lines;
    }

    private int rows(String runId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM run_logs WHERE run_id = ?", Integer.class, runId);
        return n == null ? 0 : n;
    }
}
