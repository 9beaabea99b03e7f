package io.ztrade.backtest.optimize;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.PipelineTestSupport;
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

    private static OptimizationSpec spec(String from, String to, Map<String, Object> parameters, int trials, String walkForward) {
        return new OptimizationSpec("test_stock", from, to, "synthetic", null, null, parameters, null, null, null, null, 1L,
                "threshold=0.05:0.3", trials, "sharpe", walkForward);
    }
}
