package io.ztrade.records;

import io.ztrade.risk.OrdersPlaced;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The performance records, read side; the route writes them through camel-jdbc ({@code direct:recordRun}). */
public interface PerformanceStore extends OrdersPlaced {

    /** Newest first; agentId null means all agents. */
    List<RunRecord> latest(String agentId, int limit);

    /** Newest first, the runs that had started by that instant; agentId null means all agents. */
    List<RunRecord> startedBy(String agentId, Instant at, int limit);

    Optional<RunRecord> find(String runId);

    /** Orders this agent sent to the broker since that instant (submitted, filled or rejected by the broker). */
    int ordersSince(String agentId, Instant since);
}
