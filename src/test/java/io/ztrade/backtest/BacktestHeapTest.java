package io.ztrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.PipelineTestSupport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 11, finding 5: a backtest's heap is bounded. The largest job these limits allow (its runs at
 * {@code max-runs-per-job}) runs while the heap still in use after a full GC is sampled as it goes; what the job
 * holds above the baseline must stay under {@code max-heap-per-job}, the budget its estimate was checked against.
 * It runs in a JVM of its own (Surefire's {@code own-jvm} execution): in the suite's JVM, other cached contexts moved
 * the heap by up to 10 MB while it measured.
 */
@Tag("own-jvm")
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ztrade.replay.threads=2", "ztrade.backtest.max-heap-per-job=" + BacktestHeapTest.BUDGET_MB + "MB",
        "ztrade.backtest.max-runs-per-job=20000"})
class BacktestHeapTest extends PipelineTestSupport {

    static final int BUDGET_MB = 8;
    private static final long BUDGET_BYTES = BUDGET_MB * 1024L * 1024L;

    @Autowired
    Backtests backtests;

    @Test
    void theLargestAllowedBacktestHoldsLessHeapThanItsBudget() {
        // about 4,700 fire times x 4 combinations: just under max-runs-per-job
        BacktestSpec spec = new BacktestSpec("test_stock", "2025-01-02", "2025-03-31", "synthetic", null, null,
                Map.of("cron", "0 */5 9-15 ? * MON-FRI", "sentimentWeight", 0, "threshold", 0.1),
                Map.of("threshold", List.of(0.05, 0.1, 0.15, 0.2)), null, null, null, null, 3L);
        PreparedBacktest prepared = backtests.prepare(spec);
        long baseline = retained();
        AtomicLong peak = new AtomicLong();
        // what the heap held at the first sample over the budget
        AtomicReference<String> overBudget = new AtomicReference<>("(no sample over the budget)");
        int total = backtests.total(prepared);
        assertThat(total).isBetween(15_000, 20_000);
        BacktestJob job = backtests.await(backtests.start(prepared, (done, all) -> {
            if (done % 1500 == 0) {
                long held = retained() - baseline;
                if (held >= BUDGET_BYTES && peak.get() < BUDGET_BYTES) {
                    overBudget.set("after " + done + " runs, " + held / 1_000_000 + " MB above baseline:\n"
                            + classHistogram());
                }
                peak.accumulateAndGet(held, Math::max);
            }
        }));
        assertThat(job.status()).as("job status (error: %s)", job.view().error()).isEqualTo(BacktestJob.Status.DONE);
        assertThat(job.progress().done()).isEqualTo(total);
        long afterwards = retained() - baseline;
        System.out.printf("backtest heap: %d runs, peak %.1f MB above baseline, %.1f MB after%n", total,
                peak.get() / 1e6, afterwards / 1e6);
        assertThat(peak.get()).as("peak heap held by the backtest; the heap %s", overBudget.get())
                .isLessThan(BUDGET_BYTES);
        assertThat(afterwards).as("heap a finished backtest keeps").isLessThan(BUDGET_BYTES / 4);
    }

    @Test
    void aBacktestOverItsRunsOrItsEstimatedHeapIsRefusedBeforeItStarts() {
        Map<String, Object> technical = Map.of("cron", "0 */5 9-15 ? * MON-FRI", "sentimentWeight", 0, "threshold", 0.1);
        // a month more than the largest allowed job: over max-runs-per-job
        assertThatThrownBy(() -> backtests.prepare(new BacktestSpec("test_stock", "2025-01-02", "2025-04-30", "synthetic",
                null, null, technical, Map.of("threshold", List.of(0.05, 0.1, 0.15, 0.2)), null, null, null, null, 3L)))
                .hasMessage("backtest has more runs (fire times x combinations) than ztrade.backtest.max-runs-per-job (20000); "
                        + "fewer combinations or a shorter range");
        // fewer runs, but two replays of half a year each at once: over the heap budget
        assertThatThrownBy(() -> backtests.prepare(new BacktestSpec("test_stock", "2025-01-02", "2025-06-30", "synthetic",
                null, null, technical, Map.of("threshold", List.of(0.05, 0.1)), null, null, null, null, 3L)))
                .hasMessageStartingWith("backtest would hold about ")
                .hasMessageEndingWith("more than ztrade.backtest.max-heap-per-job (8MB); fewer combinations or a shorter range");
    }

    /** The JVM's largest classes by live heap (jcmd GC.class_histogram), its first lines. */
    private static String classHistogram() {
        try {
            Object histogram = ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
            return String.join("\n", String.valueOf(histogram).lines().limit(25).toList());
        } catch (javax.management.JMException e) {
            return "(no class histogram: " + e + ")";
        }
    }

    /**
     * The heap in use right after a full GC, as the collector left it (each heap pool's usage after its last
     * collection). The other replay thread keeps allocating while this one reads: the heap's current usage, read a
     * moment after the GC, counts that new garbage too (most likely the 65 MB a full run read once, never reproduced).
     */
    private static synchronized long retained() {
        System.gc();
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
    }
}
