package io.ztrade.plugin.api;

/**
 * A risk rule of one's own: it can only refuse. An agent adds rules with {@code riskRules: [name, ...]}; they are
 * checked after Ztrade's own (order size, position size, orders per day, buying power, shorting, protections, the
 * desk's mode), which always apply and cannot be turned off. An order is sent only when every rule approved it.
 */
public interface RiskRule extends Step {

    /**
     * @param order    the order the decision asked for, sized by the agent's orderNotional
     * @param settings the step's parameters and the agent's
     */
    Verdict check(ProposedOrder order, Settings settings);
}
