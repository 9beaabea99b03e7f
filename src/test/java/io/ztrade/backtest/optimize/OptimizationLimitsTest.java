package io.ztrade.backtest.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.PipelineTestSupport;
import io.ztrade.backtest.MarketHistory;
import io.ztrade.backtest.PreparedBacktest;
import io.ztrade.backtest.ReplayRequest;
import io.ztrade.market.Instrument;
import io.ztrade.market.MarketSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An optimisation is one backtest job: its trials together stay within the job's caps (max-runs-per-job,
 * max-heap-per-job), as a sweep of as many combinations does, and are refused before any trial runs. On
 * OptimizationApiTest's context.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OptimizationLimitsTest extends PipelineTestSupport {

    @Autowired
    Optimizer optimizer;

    @Test
    void trialsTimesFireTimesAboveMaxRunsPerJobAreRefusedNamingTheCap() {
        // a month of one fire a minute: 8,000 runs a backtest, well within the cap; 1,000 of them are 8 million
        OptimizationSpec spec = spec("2025-03-03", "2025-03-31", Map.of("cron", "0 * * ? * MON-FRI", "sentimentWeight", 0),
                1000, null);
        assertThatThrownBy(() -> optimizer.plan(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1000 trials").hasMessageContaining("ztrade.backtest.max-runs-per-job");
    }

    @Test
    void walkForwardWindowsTimesTrialsAboveMaxHeapPerJobAreRefusedNamingTheCap() {
        // a year of one-day windows: 1,000 trials in each of about 360 windows are 360,000 trials kept in memory
        OptimizationSpec spec = spec("2025-01-02", "2025-12-31", OptimizationApiTest.CHEAP, 1000, "train=1D,test=1D");
        assertThatThrownBy(() -> optimizer.plan(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("walk-forward windows").hasMessageContaining("ztrade.backtest.max-heap-per-job");
    }

    @Test
    void aWeightThatIsNotANumberIsNamed() {
        // was "For input string: \"abc\"", naming neither the parameter nor the agent
        OptimizationSpec spec = spec("2025-03-03", "2025-03-07", Map.of("sentimentWeight", "abc"), 2, null);
        assertThatThrownBy(() -> optimizer.plan(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replay of test_stock: parameter 'sentimentWeight' must be a number, got 'abc'");
    }

    @Test
    void aTrialThatFailsEndsTheOptimisationSayingWhichTrialAndWhy() {
        Optimizer.Plan plan = optimizer.plan(spec("2025-03-03", "2025-03-05", OptimizationApiTest.CHEAP, 4, null));
        ReplayRequest r = plan.prepared().requests().get(0);
        // the history fails from the second day on: a bad snapshot, as a broken recorded run or bars file would give
        MarketHistory failing = new MarketHistory() {
            @Override
            public MarketSnapshot at(Instrument instrument, int barCount, Instant at) {
                if (at.isAfter(Instant.parse("2025-03-04T00:00:00Z"))) {
                    throw new IllegalStateException("no snapshot at " + at);
                }
                return r.history().at(instrument, barCount, at);
            }

            @Override
            public double priceAt(Instant at) {
                return r.history().priceAt(at);
            }

            @Override
            public int size() {
                return r.history().size();
            }
        };
        ReplayRequest broken = new ReplayRequest(r.agentId(), r.overrides(), r.from(), r.to(), failing, r.sentiment(),
                r.sentimentMaxAge(), r.fills(), r.startingCash(), r.fireTimes(), false);
        Optimizer.Plan failingPlan = new Optimizer.Plan(plan.spec(), plan.objective(), plan.trials(), plan.ranges(),
                new PreparedBacktest(plan.prepared().spec(), plan.prepared().source(), List.of(broken)), null, plan.seed());

        assertThatThrownBy(() -> optimizer.run(failingPlan, Optimizer.Listener.NONE))
                .hasRootCauseMessage("no snapshot at 2025-03-04T15:00:00Z")
                .satisfies(e -> assertThat(e.getCause() != null && e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e)
                        .as("which trial, and the run's own failure").hasMessageStartingWith("trial {threshold=")
                        .hasMessageContaining("failed: replay run at 2025-03-04T15:00:00Z failed"));
    }

    private static OptimizationSpec spec(String from, String to, Map<String, Object> parameters, int trials, String walkForward) {
        return new OptimizationSpec("test_stock", from, to, "synthetic", null, null, parameters, null, null, null, null, 1L,
                "threshold=0.05:0.3", trials, "sharpe", walkForward);
    }
}
