package io.ztrade.replay;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import java.time.Instant;
import java.util.List;

/**
 * What a replay produced: every run as the route left it, the paper account's equity after each run and its fills.
 *
 * @param equity one point per replayed fire time: equity after the run, the price then, the position held
 */
public record ReplayResult(AgentSettings agent, double startingCash, List<AgentRun> runs, List<EquityPoint> equity,
                           List<PaperBroker.Fill> fills, long elapsedNanos) {

    /** Equity (dollars), price and position (units) right after the run at {@code at}. */
    public record EquityPoint(Instant at, double equity, double price, double position) {
    }
}
