package io.ztrade.replay;

import io.ztrade.agent.AgentRun;
import io.ztrade.performance.PerformanceStore;
import io.ztrade.performance.RunRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The replay's {@link PerformanceStore}: the backtest's own runs, in memory, so risk's orders-per-day rule counts
 * the replayed orders and never the live ones. The backtest adds each run as it finishes, on the run's thread.
 */
public final class ReplayRecords implements PerformanceStore {

    private final List<AgentRun> runs = new CopyOnWriteArrayList<>();

    public void add(AgentRun run) {
        runs.add(run);
    }

    public List<AgentRun> runs() {
        return List.copyOf(runs);
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
        int count = 0;
        for (int i = runs.size() - 1; i >= 0; i--) {
            AgentRun run = runs.get(i);
            if (run.scheduledAt().isBefore(since)) {
                break;
            }
            if (run.order() != null) {
                count++;
            }
        }
        return count;
    }
}
