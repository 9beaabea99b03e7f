package io.ztrade.sentiment;

import io.ztrade.market.Instrument;

/** Sentiment: one reading per run from all configured sources. */
public interface SentimentAnalyzer {

    SentimentReading analyze(Instrument instrument);
}
