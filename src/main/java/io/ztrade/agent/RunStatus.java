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
    FAILED
}
