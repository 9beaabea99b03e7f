package io.ztrade.backtest;

import io.ztrade.risk.protection.Trip;
import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.ztrade.agent.RunStatus;

/**
 * What a replay produced: every run as the route left it, the paper account's equity after each run and its fills.
 *
 * @param runs     every run as the route left it, if the request kept them (a backtest does not); else empty
 * @param equity   one point per replayed fire time: equity after the run, the price then, the position held
 * @param statuses how many runs ended in each status
 * @param runCount runs replayed
 * @param trips    the protections that tripped, in order; a drawdown or daily loss trip holds the backtest's agent
 *                 until the next New York day begins (as if an operator lifted it the next morning)
 */
public record ReplayResult(AgentSettings agent, double startingCash, List<AgentRun> runs, List<EquityPoint> equity,
                           List<PaperBroker.Fill> fills, long elapsedNanos, Map<RunStatus, Integer> statuses,
                           int runCount, List<Trip> trips) {

    /** Equity (dollars), price and position (units) right after the run at {@code at}. */
    public record EquityPoint(Instant at, double equity, double price, double position) {
    }
}
