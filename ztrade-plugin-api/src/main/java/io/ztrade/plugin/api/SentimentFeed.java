package io.ztrade.plugin.api;

import java.time.Instant;

/**
 * A sentiment source: what is said about a symbol, from -1 to 1. An agent chooses it with {@code sentimentFeed:
 * <name>}; Ztrade's own is {@code news} (Alpha Vantage news and Reddit, or the simulator). In a backtest it is called
 * with the replayed time.
 */
public interface SentimentFeed extends Step {

    /**
     * @param symbol   Alpaca symbol, e.g. {@code TSLA} or {@code BTC/USD}
     * @param at       the run's time (live: now; in a backtest: the replayed fire time)
     * @param settings the step's parameters and the agent's
     * @return a reading, or {@link Sentiment#unavailable} (the decision then rests on the strategy alone)
     */
    Sentiment sentiment(String symbol, Instant at, Settings settings);
}
