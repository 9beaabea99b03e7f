package io.ztrade.replay;

import io.ztrade.agent.AgentRun;
import io.ztrade.performance.PerformanceStore;
import io.ztrade.performance.RunRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import io.ztrade.agent.RunStatus;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The replay's {@link PerformanceStore}: the backtest's own runs, in memory, so risk's orders-per-day rule counts
 * the replayed orders and never the live ones. The backtest adds each run as it finishes, on the run's thread.
 * A backtest keeps only each order's time and the count of each status (a few bytes a run, not the run with its
 * snapshot and signals), so that its heap grows with its bars, not with its runs x their size.
 */
public final class ReplayRecords implements PerformanceStore {

    private final boolean keepRuns;
    private final List<AgentRun> runs = new CopyOnWriteArrayList<>();
    private final List<Instant> orders = new CopyOnWriteArrayList<>();
    private final Map<RunStatus, Integer> statuses = new ConcurrentSkipListMap<>();
    private final AtomicInteger count = new AtomicInteger();

    /** Keeps every run (a single replay's tests and benchmarks compare them). */
    public ReplayRecords() {
        this(true);
    }

    public ReplayRecords(boolean keepRuns) {
        this.keepRuns = keepRuns;
    }

    public void add(AgentRun run) {
        if (keepRuns) {
            runs.add(run);
        }
        if (run.order() != null) {
            orders.add(run.scheduledAt());
        }
        statuses.merge(run.status(), 1, Integer::sum);
        count.incrementAndGet();
    }

    /** Every run, if kept; else empty. */
    public List<AgentRun> runs() {
        return List.copyOf(runs);
    }

    public Map<RunStatus, Integer> statuses() {
        return new TreeMap<>(statuses);
    }

    public int count() {
        return count.get();
    }

    @Override
    public List<RunRecord> latest(String agentId, int limit) {
        return List.of();
    }

    @Override
    public Optional<RunRecord> find(String runId) {
        return Optional.empty();
    }

    @Override
    public int ordersSince(String agentId, Instant since) {
        int n = 0;
        for (int i = orders.size() - 1; i >= 0 && !orders.get(i).isBefore(since); i--) {
            n++;
        }
        return n;
    }
}
