package io.ztrade.backtest;

import io.ztrade.agent.AgentSettings;
import java.time.Instant;

/** Where a backtest's bars come from: synthetic, a CSV file in Alpaca's bar format, or Alpaca's bars API. */
public interface HistorySource {

    /**
     * The agent's bars (its symbol and {@code barTimeframe}) that start in [from, to), oldest first.
     *
     * @throws IllegalArgumentException when the source cannot give them (no file, no keys, nothing in range)
     */
    PriceHistory load(AgentSettings agent, Instant from, Instant to);
}
