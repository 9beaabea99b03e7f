package io.ztrade.decision;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import io.ztrade.sentiment.SentimentReading;
import io.ztrade.technical.TechnicalSignal;

/** The {@code decision} step: BUY, SELL or HOLD from the two analyses. */
public interface DecisionPolicy {

    TradeDecision decide(SentimentReading sentiment, TechnicalSignal technical, AgentSettings agent);

    default AgentRun apply(AgentRun run) {
        return run.withDecision(decide(run.sentiment(), run.technical(), run.agent()));
    }
}
