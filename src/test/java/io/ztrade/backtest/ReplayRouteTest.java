package io.ztrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.PipelineTestSupport;
import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentRun;
import io.ztrade.agent.RunStatus;
import io.ztrade.agent.RunTrigger;
import io.ztrade.market.Bar;
import io.ztrade.market.MarketCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Replays through the real template, on synthetic bars. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplayRouteTest extends PipelineTestSupport {

    static final Map<String, String> TECHNICAL_ONLY = Map.of("cron", "0 */5 9-15 ? * MON-FRI", "sentimentWeight", "0",
            "threshold", "0.1", "barTimeframe", "5Min");

    @Autowired
    ReplayEngine engine;
    @Autowired
    MarketCalendar calendar;
    @Autowired
    CamelContext camel;
    @Autowired
    AgentCatalog catalog;

    PriceHistory history;

    ReplayResult replayTwoWeeks() {
        Instant from = Instant.parse("2025-03-03T00:00:00Z");
        Instant to = Instant.parse("2025-03-15T00:00:00Z");
        var settings = io.ztrade.agent.AgentSettings.fromParameters(engine.parameters("test_stock", TECHNICAL_ONLY));
        history = new SyntheticHistory(calendar, 7, 250, 0.6, 0).load(settings, from.minus(Duration.ofDays(5)), to);
        return engine.replay(new ReplayRequest("test_stock", TECHNICAL_ONLY, from, to, history, Map.of(), null,
                new FillModel(1, 5, 10), 100_000, null), ReplayEngine.Progress.NONE);
    }

    /**
     * A replayed run stays on the replay's thread: the template's analyses and record executors are the caller-runs
     * one, so the pools the live agents share get no task from it (before: two a run).
     */
    @Test
    void aReplayedRunHandsNothingToTheLiveAgentsPools() {
        ThreadPoolExecutor analyses = (ThreadPoolExecutor) io.ztrade.agent.MdcExecutorService.unwrap(
                camel.getRegistry().lookupByNameAndType("agentAnalysesPool", java.util.concurrent.ExecutorService.class));
        ThreadPoolExecutor records = (ThreadPoolExecutor) io.ztrade.agent.MdcExecutorService.unwrap(
                camel.getRegistry().lookupByNameAndType("agentRecordsPool", java.util.concurrent.ExecutorService.class));
        long analysesBefore = analyses.getTaskCount();
        long recordsBefore = records.getTaskCount();

        ReplayResult result = replayTwoWeeks();

        assertThat(result.runs()).hasSize(780);
        // no live agent fires in tests (their crons are in 2099); a margin for a previous test's last record
        assertThat(analyses.getTaskCount() - analysesBefore).as("analyses handed to agentAnalysesPool").isLessThan(10);
        assertThat(records.getTaskCount() - recordsBefore).as("records handed to agentRecordsPool").isLessThan(10);
        assertThat(result.runs()).allSatisfy(run ->
                assertThat(run.timings()).extracting(t -> t.step()).contains("sentiment", "technical", "decision"));
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("alpacaTradingBreaker")
    io.github.resilience4j.circuitbreaker.CircuitBreaker liveTradingBreaker;

    /**
     * A replay's risk step is off the live trading API's circuit breaker: its calls do not count towards it (before:
     * one a trade, diluting a real outage's failure rate), and an open live breaker does not fail its trades (before:
     * every replayed BUY or SELL FAILED with "CircuitBreaker 'alpaca-trading' is OPEN").
     */
    @Test
    void aReplayNeitherFeedsNorIsStoppedByTheLiveTradingBreaker() {
        liveTradingBreaker.transitionToForcedOpenState();
        try {
            ReplayResult result = replayTwoWeeks();

            assertThat(result.fills()).as("trades while the live breaker is open").isNotEmpty();
            assertThat(result.runs()).extracting(AgentRun::status).doesNotContain(RunStatus.FAILED);
            assertThat(liveTradingBreaker.getMetrics().getNumberOfNotPermittedCalls())
                    .as("replay calls refused by the live breaker").isZero();
        } finally {
            liveTradingBreaker.reset(); // closed, its counts zeroed
        }
        ReplayResult closed = replayTwoWeeks();
        assertThat(closed.fills()).isNotEmpty();
        assertThat(liveTradingBreaker.getMetrics().getNumberOfSuccessfulCalls())
                .as("replay calls counted by the live breaker").isZero();
    }

    @Test
    void replaysEveryOpenCronTimeThroughTheTemplateAndLeavesNoRouteBehind() {
        int routesBefore = camel.getRoutes().size();

        ReplayResult result = replayTwoWeeks();

        // 10 trading days x 78 slots from 09:30 to 15:55
        assertThat(result.runs()).hasSize(780);
        assertThat(result.runs()).allSatisfy(run -> {
            assertThat(run.trigger()).isEqualTo(RunTrigger.REPLAY);
            assertThat(run.market().source()).isEqualTo("replay");
            assertThat(run.timings()).extracting(t -> t.step()).contains("marketHours", "decision");
        });
        assertThat(result.runs()).extracting(AgentRun::status).contains(RunStatus.FILLED, RunStatus.HOLD);
        assertThat(result.fills()).isNotEmpty();
        assertThat(camel.getRoutes()).hasSize(routesBefore);
        assertThat(catalog.all()).extracting(a -> a.agentId()).containsExactlyInAnyOrder("test_stock", "test_crypto");
    }

    @Autowired
    io.ztrade.simulator.SimulatedAccount simulatedBroker;

    @Test
    void aReplayPlacesNoOrderAtTheBrokerAndWritesNoLiveRecord() {
        java.math.BigDecimal cashBefore = simulatedBroker.cash();
        int recordsBefore = store.latest(null, 1000).size();

        ReplayResult result = replayTwoWeeks();

        assertThat(result.fills()).isNotEmpty();
        assertThat(result.runs()).filteredOn(r -> r.order() != null)
                .allSatisfy(r -> assertThat(simulatedBroker.order(r.clientOrderId())).isEmpty());
        assertThat(simulatedBroker.cash()).isEqualTo(cashBefore);
        assertThat(store.latest(null, 1000)).hasSize(recordsBefore);
    }

    @Test
    void aFailingStepFailsTheReplayAtOnceNamingTheFireTimeAndRecordsNothingLive() {
        Instant from = Instant.parse("2025-03-03T00:00:00Z");
        Instant to = Instant.parse("2025-03-04T00:00:00Z");
        int recordsBefore = store.latest(null, 1000).size();
        // a history that has a price but breaks when the marketData step asks for the snapshot
        MarketHistory broken = new MarketHistory() {
            @Override
            public io.ztrade.market.MarketSnapshot at(io.ztrade.market.Instrument agent, int barCount, Instant at) {
                throw new IllegalStateException("history broken at " + at);
            }

            @Override
            public double priceAt(Instant at) {
                return 100;
            }

            @Override
            public int size() {
                return 1;
            }
        };
        int routesBefore = camel.getRoutes().size();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.replay(new ReplayRequest("test_stock", TECHNICAL_ONLY,
                        from, to, broken, Map.of(), null, new FillModel(0, 0, 0), 100_000, null), ReplayEngine.Progress.NONE))
                .hasMessageContaining("replay run at 2025-03-03T14:30:00Z failed").hasMessageContaining("history broken");
        assertThat(camel.getRoutes()).hasSize(routesBefore);
        assertThat(store.latest(null, 1000)).hasSize(recordsBefore);
    }

    @Test
    void aReplayedRunNeverSeesABarThatEndsAfterItsFireTime() {
        ReplayResult result = replayTwoWeeks();

        Duration tf = Duration.ofMinutes(5);
        assertThat(result.runs()).allSatisfy(run -> {
            assertThat(run.market().bars()).isNotEmpty();
            Bar newest = run.market().bars().get(run.market().bars().size() - 1);
            assertThat(newest.t().plus(tf)).isBeforeOrEqualTo(run.scheduledAt());
            // and it is the newest such bar (found here by a plain scan): nothing complete was held back
            Bar expected = history.bars().stream().filter(b -> !b.t().plus(tf).isAfter(run.scheduledAt()))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(newest).isEqualTo(expected);
            assertThat(run.market().bars()).hasSize(100);
            assertThat(run.market().price()).isEqualTo(newest.c());
        });
    }
}
