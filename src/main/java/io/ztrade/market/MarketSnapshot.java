package io.ztrade.market;

import java.time.Instant;
import java.util.List;

/**
 * What the market looked like when the run asked.
 *
 * @param price     last trade price (for crypto, the quote mid), dollars
 * @param bid       best bid, dollars
 * @param ask       best ask, dollars
 * @param priceTime when the price was printed
 * @param bars      recent bars, oldest first
 * @param source    which provider answered (simulator, alpaca, coingecko)
 */
public record MarketSnapshot(String symbol, double price, double bid, double ask, Instant priceTime, List<Bar> bars,
                             String source) {
}
