package io.ztrade.plugin.api;

/**
 * What a {@link DecisionRule} decided.
 *
 * @param score      in [-1, 1]
 * @param confidence in [0, 1]
 * @param rationale  one readable sentence (the run's note)
 */
public record Decision(Action action, double score, double confidence, String rationale) {

    public static Decision hold(String rationale) {
        return new Decision(Action.HOLD, 0, 0, rationale);
    }
}
