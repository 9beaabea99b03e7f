package io.ztrade.technical;

import io.ztrade.market.MarketSnapshot;

/** Technical analysis: a signal from the recent bars, with the agent's indicator periods. */
public interface TechnicalAnalyzer {

    TechnicalSignal analyze(Indicators indicators, MarketSnapshot market);
}
