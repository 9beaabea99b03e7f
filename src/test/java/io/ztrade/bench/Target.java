package io.ztrade.bench;

import java.util.Locale;

/**
 * An issue's target for one benchmark figure (issue 14, item 3), printed in a "target" column beside the figure it
 * judges: {@code "< 1000 (missed)"}. Targets are benchmark figures, never test assertions.
 *
 * @param limit the figure the target names
 * @param below true when a figure under the limit meets it (a lag, a time), false when one at or above it does (a
 *              throughput, a speed-up)
 */
public record Target(double limit, boolean below) {

    /** Fire lag p99 of 5,000 agents on a 1-minute cron, ms. */
    public static final Target LAG_P99_MS = below(1_000);
    /** Start-up of a node with 5,000 agents, s. */
    public static final Target STARTUP_S = below(60);
    /** Replay of one agent through the full route, runs/s. */
    public static final Target REPLAY_RUNS_PER_S = atLeast(40_000);
    /** A sweep on 2 cores, runs/s. */
    public static final Target SWEEP_RUNS_PER_S = atLeast(100_000);
    /** The route against the same beans called as plain Java, ratio. */
    public static final Target ROUTE_OVER_PLAIN = below(3);
    /** A year of agent_tsla replayed, s. */
    public static final Target YEAR_OF_TSLA_S = below(1);
    /** Technical analysis: full recomputation of 100 bars over one incremental bar, ratio. */
    public static final Target INCREMENTAL_SPEED_UP = atLeast(100);

    public static Target below(double limit) {
        return new Target(limit, true);
    }

    public static Target atLeast(double limit) {
        return new Target(limit, false);
    }

    public boolean metBy(double figure) {
        return below ? figure < limit : figure >= limit;
    }

    /** The target and whether {@code figure} meets it, for a table's target column: {@code "< 1000 (met)"}. */
    public String beside(double figure) {
        return this + (metBy(figure) ? " (met)" : " (missed)");
    }

    @Override
    public String toString() {
        String number = limit == Math.rint(limit) ? String.format(Locale.ROOT, "%,.0f", limit) : Double.toString(limit);
        return (below ? "< " : "≥ ") + number;
    }
}
