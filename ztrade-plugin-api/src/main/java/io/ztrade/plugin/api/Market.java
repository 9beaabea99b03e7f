package io.ztrade.plugin.api;

import java.time.Instant;
import java.util.List;

/**
 * What the market looked like when the run asked.
 *
 * @param symbol     Alpaca symbol, e.g. {@code TSLA} or {@code BTC/USD}
 * @param assetClass {@code us_equity} or {@code crypto}
 * @param at         the run's time (in a backtest, the replayed fire time)
 * @param price      last trade price, dollars
 * @param bars       the agent's {@code barCount} most recent bars, oldest first (unmodifiable)
 */
public record Market(String symbol, String assetClass, Instant at, double price, List<Bar> bars) {

    public Market {
        bars = List.copyOf(bars);
    }

    /** The closes of the bars, oldest first. */
    public double[] closes() {
        double[] closes = new double[bars.size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = bars.get(i).close();
        }
        return closes;
    }
}
