package io.ztrade.risk;

/** What the risk step and the order placement ask before an order: the mode the agent may trade under now. */
@FunctionalInterface
public interface DeskModes {

    /** A backtest's desk: always ACTIVE, never the live desk's state. */
    DeskModes ALWAYS_ACTIVE = agentId -> EffectiveMode.ACTIVE;

    /** The stricter of the desk's and the agent's mode; HALTED when the state cannot be read. Never throws. */
    EffectiveMode effective(String agentId);
}
