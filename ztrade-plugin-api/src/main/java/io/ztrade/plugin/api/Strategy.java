package io.ztrade.plugin.api;

/**
 * A technical or strategy signal: what the bars say, from -1 (sell) to 1 (buy). An agent chooses it with
 * {@code strategy: <name>}; Ztrade's own is {@code indicators} (RSI, MACD, SMA trend and Bollinger votes).
 */
public interface Strategy extends Step {

    /**
     * @param market   the run's price and recent bars
     * @param settings the step's parameters as the agent set them (defaults filled in), and the agent's own
     * @return the signal; its value and confidence must be in range ({@link Signal})
     */
    Signal signal(Market market, Settings settings);
}
