package io.ztrade;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.ztrade.agent.AgentRun;
import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.AgentScheduler;
import io.ztrade.records.FailedRuns;
import io.ztrade.records.PerformanceStore;
import io.ztrade.records.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Pipeline tests run the real routes, beans, simulator and H2; only Alpha Vantage is a WireMock stub, so that the
 * news (and with the test agents' 0.9 sentiment weight, the decision) is known: strongly bullish, hence BUY.
 */
@ActiveProfiles("test")
public abstract class PipelineTestSupport {

    protected static final WireMockServer NEWS = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    /** Alpha Vantage's documented NEWS_SENTIMENT shape, per-ticker numbers as strings. */
    public static final String BULLISH_NEWS = """
            {"items": "2", "sentiment_score_definition": "x <= -0.35: Bearish", "feed": [
              {"title": "Bitcoin rallies", "url": "https://example.com/1", "time_published": "20261125T143000",
               "overall_sentiment_score": 0.5, "overall_sentiment_label": "Bullish",
               "ticker_sentiment": [{"ticker": "CRYPTO:BTC", "relevance_score": "0.9", "ticker_sentiment_score": "0.8",
                                     "ticker_sentiment_label": "Bullish"},
                                    {"ticker": "TSLA", "relevance_score": "0.9", "ticker_sentiment_score": "0.8",
                                     "ticker_sentiment_label": "Bullish"}]},
              {"title": "Tesla and bitcoin up", "url": "https://example.com/2", "time_published": "20261125T150000",
               "overall_sentiment_score": 0.4, "overall_sentiment_label": "Bullish",
               "ticker_sentiment": [{"ticker": "CRYPTO:BTC", "relevance_score": "0.8", "ticker_sentiment_score": "0.7",
                                     "ticker_sentiment_label": "Bullish"},
                                    {"ticker": "TSLA", "relevance_score": "0.8", "ticker_sentiment_score": "0.7",
                                     "ticker_sentiment_label": "Bullish"}]}]}
            """;

    @Autowired
    protected PerformanceStore store;

    /** Records from earlier tests in the same context are not this test's. */
    protected Instant testStarted;

    /** Provider breakers are shared by every test of a cached context; an outage test must not leave one open. */
    @Autowired
    protected CircuitBreakerRegistry breakers;

    @BeforeEach
    void markTestStart() {
        testStarted = Instant.now();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @BeforeAll
    static void startNews() {
        if (!NEWS.isRunning()) {
            NEWS.start();
        }
        NEWS.resetAll();
        NEWS.stubFor(get(urlPathEqualTo("/query")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(BULLISH_NEWS)));
    }

    @AfterAll
    static void resetNews() {
        NEWS.resetRequests();
    }

    @DynamicPropertySource
    static void newsUrl(DynamicPropertyRegistry registry) {
        if (!NEWS.isRunning()) {
            NEWS.start();
        }
        registry.add("ztrade.alphavantage.base-url", NEWS::baseUrl);
    }

    @Autowired
    private AgentScheduler agentScheduler;
    @Autowired
    private CamelContext camel;

    /**
     * A forced manual run, started in a second of its own (a manual run's client order id is its start second, so
     * two in one second would share it), and its record once written.
     */
    protected RunRecord forcedRunInItsOwnSecond(String agentId) {
        long second = Instant.now().getEpochSecond();
        await().until(() -> Instant.now().getEpochSecond() > second);
        NotifyBuilder recorded = recorded(agentId, 1);
        agentScheduler.runNow(agentId, RunTrigger.MANUAL, true);
        assertThat(recorded.matches(30, TimeUnit.SECONDS)).as("the run of %s went through direct:recordRun", agentId).isTrue();
        return runsSinceTestStart(agentId).stream().findFirst()
                .orElseThrow(() -> new AssertionError("the run of " + agentId + " was journalled, not written"));
    }

    /**
     * A FILLED run of the agent: a forced run's own, or, once risk refuses that buy because the context's earlier
     * tests have bought up to the agent's {@code maxPositionValue} (the simulator's account lives as long as the
     * context), the latest of those earlier fills. Either way a test finds a fill without depending on how many tests
     * bought before it.
     */
    protected RunRecord filledRunOf(String agentId) {
        RunRecord run = forcedRunInItsOwnSecond(agentId);
        if ("FILLED".equals(run.status())) {
            return run;
        }
        assertThat(run.status()).as("the forced run of %s: %s", agentId, run.riskReasons()).isEqualTo("REJECTED_BY_RISK");
        assertThat(run.riskReasons()).contains("exceeds maxPositionValue");
        return store.latest(agentId, 1000).stream().filter(r -> "FILLED".equals(r.status())).findFirst()
                .orElseThrow(() -> new AssertionError(agentId + " is at its position limit with no fill recorded"));
    }

    /**
     * Matches once {@code count} runs of the agent have been through {@code direct:recordRun} (the performance
     * wireTap's target; its exchange carries the run in {@link FailedRuns#RUN_PROPERTY}): written, or journalled.
     * Create it before the runs start.
     */
    protected NotifyBuilder recorded(String agentId, int count) {
        return new NotifyBuilder(camel)
                .filter(exchange -> exchange.getProperty(FailedRuns.RUN_PROPERTY) instanceof AgentRun run
                        && agentId.equals(run.agentId()))
                .whenDone(count).create();
    }

    /** Waits for the performance record that the wireTap writes after the run. */
    protected RunRecord awaitRun(String agentId, Predicate<RunRecord> which) {
        RunRecord[] found = new RunRecord[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            found[0] = runsSinceTestStart(agentId).stream().filter(which).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** Newest first. */
    protected List<RunRecord> awaitRuns(String agentId, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> runsSinceTestStart(agentId).size() >= count);
        return runsSinceTestStart(agentId);
    }

    protected List<RunRecord> runsSinceTestStart(String agentId) {
        return store.latest(agentId, 1000).stream().filter(r -> !r.startedAt().isBefore(testStarted)).toList();
    }
}
