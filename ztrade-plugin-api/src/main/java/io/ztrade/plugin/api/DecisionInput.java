package io.ztrade.plugin.api;

/**
 * What a {@link DecisionRule} decides on.
 *
 * @param sentimentWeight the agent's {@code sentimentWeight} (with technicalWeight it adds up to 1)
 * @param technicalWeight the agent's {@code technicalWeight}
 * @param threshold       the agent's {@code threshold}
 */
public record DecisionInput(Market market, Signal signal, Sentiment sentiment, double sentimentWeight,
                            double technicalWeight, double threshold) {
}
