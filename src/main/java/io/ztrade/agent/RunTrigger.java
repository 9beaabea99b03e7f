package io.ztrade.agent;

/** What started a run: its cron schedule, the start-up run of the embedded default, or an operator. */
public enum RunTrigger {
    SCHEDULE,
    STARTUP,
    MANUAL,
    /** A backtest's simulated clock (io.ztrade.backtest); never a real order. */
    REPLAY
}
