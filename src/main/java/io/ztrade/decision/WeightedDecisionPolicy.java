package io.ztrade.decision;

import io.ztrade.sentiment.SentimentReading;
import io.ztrade.technical.TechnicalSignal;
import org.springframework.stereotype.Component;

/**
 * score = sentimentWeight x sentiment + technicalWeight x technical (0.6 / 0.4 by default). BUY when the
 * score is above the threshold, SELL when below its negative, HOLD otherwise (the boundary itself holds).
 * An unavailable sentiment contributes 0, so the technical signal alone must clear the threshold.
 */
@Component
public class WeightedDecisionPolicy implements DecisionPolicy {

    @Override
    public TradeDecision decide(SentimentReading sentiment, TechnicalSignal technical, Weights agent) {
        double s = sentiment.unavailable() ? 0 : sentiment.score();
        double sc = sentiment.unavailable() ? 0 : sentiment.confidence();
        double t = technical.signal();
        double score = agent.sentimentWeight() * s + agent.technicalWeight() * t;
        double confidence = agent.sentimentWeight() * sc + agent.technicalWeight() * technical.confidence();
        TradeAction action = score > agent.threshold() ? TradeAction.BUY
                : score < -agent.threshold() ? TradeAction.SELL
                : TradeAction.HOLD;
        // "%s: score %+.3f = %.2f x sentiment %+.3f%s + %.2f x technical %+.3f; threshold +/-%.3f", without a Formatter
        StringBuilder rationale = new StringBuilder(112).append(action).append(": score ");
        FixedDecimals.append(rationale, score, 3, true).append(" = ");
        FixedDecimals.append(rationale, agent.sentimentWeight(), 2, false).append(" x sentiment ");
        FixedDecimals.append(rationale, s, 3, true).append(sentiment.unavailable() ? " (unavailable)" : "").append(" + ");
        FixedDecimals.append(rationale, agent.technicalWeight(), 2, false).append(" x technical ");
        FixedDecimals.append(rationale, t, 3, true).append("; threshold +/-");
        FixedDecimals.append(rationale, agent.threshold(), 3, false);
        return new TradeDecision(action, score, confidence, rationale.toString());
    }
}
