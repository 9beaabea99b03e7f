package io.ztrade.sentiment;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;

/** The {@code sentiment} step: one reading per run from all configured sources. */
public interface SentimentAnalyzer {

    SentimentReading analyze(AgentSettings agent);

    default AgentRun apply(AgentRun run) {
        return run.withSentiment(analyze(run.agent()));
    }
}
