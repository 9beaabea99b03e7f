package io.ztrade.sentiment;

import io.ztrade.market.Instrument;

/** One source of news sentiment (Alpha Vantage, Reddit, ...). */
public interface SentimentSource {

    /** Short lowercase name recorded with each reading, and the key of its weight in {@code ztrade.sentiment.source-weights}. */
    String name();

    /** A source without its keys is left out of the combination, rather than counted as unavailable on every run. */
    default boolean enabled() {
        return true;
    }

    /**
     * Never throws for a throttled or empty answer: that is an unavailable reading, not an error. (An outage may
     * throw; the combiner turns it into an unavailable reading so that the run goes on degraded.)
     */
    SentimentReading read(Instrument agent);
}
