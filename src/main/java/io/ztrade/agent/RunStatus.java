package io.ztrade.agent;

/** The one final status of a run; {@link #RUNNING} only while the route is still at work. */
public enum RunStatus {
    RUNNING,
    SKIPPED_MARKET_CLOSED,
    HOLD,
    REJECTED_BY_RISK,
    BLOCKED_KILL_SWITCH,
    ORDER_SUBMITTED,
    FILLED,
    REJECTED_BY_BROKER,
    FAILED,
    /** Cut by a shutdown before it ended; reconciliation completes it from the broker's state. */
    INTERRUPTED,
    /** A run that went through every step but placed no order on purpose (a start-up run, unless run-on-start=trade). */
    DRY_RUN
}
