package io.ztrade.sentiment;

import io.ztrade.agent.AgentSettings;

/** One source of news sentiment (Alpha Vantage, Reddit, ...). */
public interface SentimentSource {

    /** Short lowercase name recorded with each reading. */
    String name();

    /** Never throws for a throttled or empty answer: that is an unavailable reading, not an error. */
    SentimentReading read(AgentSettings agent);
}
