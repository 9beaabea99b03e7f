package io.ztrade.decision;

/**
 * What the agent wants to do.
 *
 * @param score      weighted score in [-1, 1]
 * @param confidence weighted confidence of the two analyses, in [0, 1]
 * @param rationale  one readable sentence with the numbers
 */
public record TradeDecision(TradeAction action, double score, double confidence, String rationale) {

    public boolean isTrade() {
        return action != TradeAction.HOLD;
    }
}
