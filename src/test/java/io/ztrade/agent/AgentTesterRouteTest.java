package io.ztrade.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.ztrade.PipelineTestSupport;
import io.ztrade.agent.AgentTester.StepResult;
import io.ztrade.agent.AgentTester.TestResult;
import io.ztrade.desk.DeskOperations;
import io.ztrade.market.AssetClassClosed;
import io.ztrade.records.RunRecord;
import io.ztrade.simulator.SimulatedAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code bin/ztrade test} runs the agent through its real route: a copy of the shipped template in which the
 * {@code decision} node is renamed {@code weigh} (so the step ids can only come from the template), the live
 * analyses multicast, gates and circuit breakers, and a calendar whose NYSE never opens (so the market-hours gate is
 * known). Nothing is recorded and no order reaches the simulator's broker.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AssetClassClosed.StocksNeverOpen.class)
class AgentTesterRouteTest extends PipelineTestSupport {

    /** The shipped template's steps, in its order, with decision renamed. */
    static final List<String> STEPS = List.of("marketHours", "marketData", "analyses", "sentiment", "technical", "weigh",
            "risk", "dryRun", "broker");

    @DynamicPropertySource
    static void renamedTemplate(DynamicPropertyRegistry registry) {
        try {
            String template = Files.readString(Path.of("routes/agent-template.yaml"));
            assertThat(template).contains("id: decision\n");
            Path copy = Files.createTempDirectory(Path.of("target"), "renamed-template").resolve("agent-template.yaml");
            Files.writeString(copy, template.replace("id: decision\n", "id: weigh\n"));
            registry.add("camel.main.routes-include-pattern",
                    () -> "file:" + copy.toAbsolutePath() + ",classpath:routes/test-agents.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    AgentTester tester;
    @Autowired
    CamelContext camel;
    @Autowired
    SimulatedAccount simulator;
    @Autowired
    DeskOperations desk;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AgentScheduler scheduler;
    @Autowired
    AgentCatalog catalog;
    @Autowired
    @Qualifier("alpacaTradingBreaker")
    CircuitBreaker alpacaTrading;

    @AfterEach
    void deskActive() {
        desk.setMode("desk", "ACTIVE", "test over", "test");
        alpacaTrading.reset();
    }

    @Test
    void runsEveryStepOfTheTemplateInItsOrderWithTimingsAndCapturesTheOrder() {
        int records = store.latest(null, 1000).size();
        int intents = count("order_intents");
        java.math.BigDecimal cash = simulator.cash();

        TestResult result = tester.test("test_crypto", null, false);

        assertThat(tester.steps()).as("read from the template").isEqualTo(STEPS);
        assertThat(result.steps()).extracting(StepResult::step).as("the multicast ran both analyses").isEqualTo(STEPS);
        assertThat(result.steps()).allSatisfy(s -> {
            assertThat(s.durationMs()).isGreaterThanOrEqualTo(0);
            assertThat(s.startMs()).isGreaterThanOrEqualTo(0);
            assertThat(s.error()).isNull();
        });
        assertThat(step(result, "marketData").output()).containsOnlyKeys("market");
        assertThat(step(result, "analyses").output()).containsOnlyKeys("sentiment", "technical");
        assertThat(step(result, "sentiment").output()).containsOnlyKeys("sentiment");
        assertThat(step(result, "technical").output()).containsOnlyKeys("technical");
        assertThat(step(result, "weigh").output()).containsKey("decision");
        assertThat(step(result, "risk").output()).containsKey("risk");
        assertThat(step(result, "broker").status()).isEqualTo("DRY_RUN");
        assertThat(result.order()).as("the BUY the broker step would have sent").isNotNull();
        assertThat(result.order().symbol()).isEqualTo("BTC/USD");
        assertThat(result.wouldEndAs()).startsWith("an order to the broker: BUY $1000 of BTC/USD").contains("not placed");

        assertThat(simulator.order(result.order().clientOrderId())).as("no order at the broker").isEmpty();
        assertThat(simulator.cash()).as("nothing bought").isEqualTo(cash);
        assertThat(count("order_intents")).as("no order intent").isEqualTo(intents);
        assertThat(store.latest(null, 1000)).as("no record").hasSize(records);
        assertThat(camel.getRoutes()).noneMatch(r -> r.getRouteId().startsWith("test-"));
    }

    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;
    @Autowired
    InFlightRuns inFlight;

    /** Run now of a stock agent while its market is closed says so at once and runs nothing (issue 16). */
    @Test
    void runNowOfAStockAgentWhoseMarketIsClosedSaysItIsSkippedAtOnceAndRunsNothing() {
        var operator = http.withBasicAuth("operator", "test-operator-password");

        var skipped = operator.postForEntity("/api/agents/test_stock/runs", null, com.fasterxml.jackson.databind.JsonNode.class);

        assertThat(skipped.getStatusCode().value()).isEqualTo(409);
        assertThat(skipped.getBody().get("outcome").asText()).isEqualTo("SKIPPED_MARKET_CLOSED");
        assertThat(skipped.getBody().get("message").asText()).startsWith("run of test_stock skipped: TSLA's market is closed")
                .contains(AssetClassClosed.WHY).contains("force=true");
        assertThat(skipped.getBody().get("runId").isNull()).isTrue();
        assertThat(inFlight.requestedOf("test_stock")).as("nothing fired").isEmpty();
        assertThat(inFlight.runningOf("test_stock")).isEmpty();
        // the MBean's runNow (Hawtio, jconsole) gets the same answer, as its operation's error, and fires nothing
        assertThatThrownBy(() -> java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("io.ztrade:context=" + camel.getName() + ",type=agents,name=test_stock"),
                "runNow", null, null))
                .rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("SKIPPED_MARKET_CLOSED: run of test_stock skipped: TSLA's market is closed");
        assertThat(inFlight.requestedOf("test_stock")).as("nothing fired").isEmpty();

        var forced = operator.postForEntity("/api/agents/test_stock/runs?force=true", null, com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(forced.getStatusCode().value()).isEqualTo(202);
        String runId = forced.getBody().get("runId").asText();
        assertThat(awaitRun("test_stock", r -> r.runId().equals(runId)).status()).isNotEqualTo("SKIPPED_MARKET_CLOSED");
        assertThat(runsSinceTestStart("test_stock")).as("the skipped request made no run").hasSize(1);
    }

    @Test
    void anOpenCircuitBreakerFailsTheTestBeforeTheRiskStepAsItFailsTheLiveRun() {
        alpacaTrading.transitionToForcedOpenState();

        TestResult result = tester.test("test_crypto", null, false);

        assertThat(result.wouldEndAs()).startsWith("FAILED: test run at").contains("CircuitBreaker 'alpaca-trading'");
        assertThat(result.steps()).extracting(StepResult::step).contains("weigh").doesNotContain("risk", "broker");
        assertThat(result.order()).isNull();
    }

    @Test
    void aClosedMarketEndsTheTestAtTheGateAndSaysSoUnlessForced() {
        TestResult closed = tester.test("test_stock", null, false);

        assertThat(closed.steps()).extracting(StepResult::step).containsExactly("marketHours", "dryRun");
        assertThat(step(closed, "marketHours").status()).isEqualTo("SKIPPED_MARKET_CLOSED");
        assertThat(closed.wouldEndAs()).startsWith("SKIPPED_MARKET_CLOSED: market closed on")
                .contains(AssetClassClosed.WHY);

        TestResult forced = tester.test("test_stock", null, true);
        assertThat(forced.steps()).extracting(StepResult::step).contains("marketData", "weigh");
    }

    @Test
    void aHaltedDeskSaysWhatWouldHappenAndSendsNothing() {
        desk.setMode("desk", "HALTED", "earnings", "test");

        TestResult result = tester.test("test_crypto", "risk", false);

        assertThat(result.steps()).extracting(StepResult::step).containsExactly("risk");
        assertThat(result.wouldEndAs()).startsWith("BLOCKED_KILL_SWITCH: no order:").contains("earnings");
        assertThat(result.order()).isNull();
    }

    @Test
    void anUnknownStepIsRefusedNamingTheTemplatesSteps() {
        assertThatThrownBy(() -> tester.test("test_crypto", "decision", false))
                .hasMessage("unknown step 'decision'; steps: " + String.join(", ", STEPS));
    }

    /** Renaming a node renames its timing in the live agent's record too. */
    @Test
    void aLiveRunIsTimedUnderTheTemplatesNodeIds() {
        scheduler.runNow("test_crypto", RunTrigger.MANUAL, true);
        RunRecord run = awaitRun("test_crypto", r -> true);

        assertThat(run.stepTimings()).extracting(StepTiming::step).containsAll(STEPS).doesNotContain("decision");
    }

    /** Tests at once, of one agent: each its own route, none disturbs the live agent's route or its Quartz job. */
    @RepeatedTest(5)
    void testsAtOnceDoNotCollideNorTouchTheLiveAgent() throws Exception {
        AgentScheduler.Schedule before = scheduler.schedule(catalog.get("test_crypto"));
        int routes = camel.getRoutes().size();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<TestResult>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<TestResult> test = () -> tester.test("test_crypto", null, false);
                results.add(pool.submit(test));
            }
            for (Future<TestResult> f : results) {
                assertThat(f.get(2, TimeUnit.MINUTES).steps()).extracting(StepResult::step).isEqualTo(STEPS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(camel.getRoutes()).hasSize(routes);
        assertThat(camel.getRouteController().getRouteStatus("test_crypto").isStarted()).isTrue();
        AgentScheduler.Schedule after = scheduler.schedule(catalog.get("test_crypto"));
        assertThat(after.nextFireTime()).isEqualTo(before.nextFireTime());
        assertThat(after.paused()).isFalse();
    }

    private static StepResult step(TestResult result, String step) {
        return result.steps().stream().filter(s -> s.step().equals(step)).findFirst().orElseThrow();
    }

    private int count(String table) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
        return n == null ? 0 : n;
    }
}
