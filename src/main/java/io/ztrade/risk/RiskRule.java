package io.ztrade.risk;

import java.util.Optional;

/** One risk limit. All rules must pass for an order to reach the broker. */
public interface RiskRule {

    /** Empty when the order passes; else the reason, naming the agent, the value, the limit and the fix. */
    Optional<String> violation(RiskCheck check);
}
