package io.ztrade.plugin.api;

/**
 * The decision: BUY, SELL or HOLD from the strategy's signal and the sentiment. An agent chooses it with
 * {@code decisionRule: <name>}; Ztrade's own is {@code weighted} (sentimentWeight x sentiment + technicalWeight x
 * signal against threshold). A HOLD ends the run; a BUY or SELL goes on to risk, which may still refuse it.
 */
public interface DecisionRule extends Step {

    /**
     * @param input    the run's market, signal, sentiment and the agent's weights and threshold
     * @param settings the step's parameters and the agent's
     */
    Decision decide(DecisionInput input, Settings settings);
}
