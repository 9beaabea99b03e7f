package io.ztrade.risk;

/** How far the desk, or one agent, may trade. The stricter of the desk's and the agent's mode applies. */
public enum TradingMode {
    /** Orders as risk approves them. */
    ACTIVE,
    /** Only orders that shrink an open position (a sell of a long, a buy of a short); nothing opens or grows. */
    REDUCE_ONLY,
    /** No order at all; runs still analyse and record. */
    HALTED
}
