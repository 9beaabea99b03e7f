package io.ztrade.agent;

import java.util.List;

/** Where finished runs' logs are kept (the records database: {@code run_logs}); the records package implements it. */
public interface RunLogStore {

    /** Adds these lines to the run's log (a run recovered on another node adds to what the first node kept). */
    void append(String runId, String agentId, List<RunLogLine> lines);

    /** The run's kept lines in order; empty when it has none. */
    List<RunLogLine> lines(String runId);
}
