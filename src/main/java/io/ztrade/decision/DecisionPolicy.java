package io.ztrade.decision;

import io.ztrade.sentiment.SentimentReading;
import io.ztrade.technical.TechnicalSignal;

/** The decision: BUY, SELL or HOLD from the two analyses. */
public interface DecisionPolicy {

    TradeDecision decide(SentimentReading sentiment, TechnicalSignal technical, Weights weights);
}
