package io.ztrade.backtest.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.PipelineTestSupport;
import io.ztrade.backtest.BacktestJob;
import io.ztrade.backtest.CsvHistory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
    @Autowired
    Optimizations optimizations;

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
        // a price of 5e-324 (above 0, so the bars file takes it) makes the order quantity infinite and the run fail
        StringBuilder csv = new StringBuilder("t,o,h,l,c,v\n");
        for (String day : List.of("2025-02-26", "2025-02-27", "2025-02-28", "2025-03-03", "2025-03-04", "2025-03-05")) {
            Instant open = Instant.parse(day + "T14:30:00Z");
            for (int i = 0; i < 78; i++) {
                double c = day.equals("2025-03-03") && i < 20 ? 5e-324 : 100 + Math.sin(i / 5.0) * 3;
                csv.append(open.plusSeconds(300L * i)).append(',').append(c).append(',').append(c).append(',').append(c).append(',')
                        .append(c).append(",1000\n");
            }
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        OptimizationJob job = optimizations.submit(new OptimizationSpec("test_stock", "2025-03-03", "2025-03-05", "csv", null, null,
                Map.of("sentimentWeight", 0, "barTimeframe", "5Min", "cron", "0 */15 10-15 ? * MON-FRI", "barCount", 30), null, null,
                null, null, 1L, "threshold=0.05:0.3", 4, null, null),
                new CsvHistory.Source("tiny.csv", () -> new ByteArrayInputStream(bytes)), "local", Optimizer.Listener.NONE);
        optimizations.await(job);

        assertThat(job.status()).isEqualTo(BacktestJob.Status.FAILED);
        assertThat(job.view().error()).as("which trial, and the run's own failure").startsWith("trial {threshold=")
                .contains("failed: replay run at 2025-03-03T15:00:00Z failed");
    }

    private static OptimizationSpec spec(String from, String to, Map<String, Object> parameters, int trials, String walkForward) {
        return new OptimizationSpec("test_stock", from, to, "synthetic", null, null, parameters, null, null, null, null, 1L,
                "threshold=0.05:0.3", trials, "sharpe", walkForward);
    }
}
