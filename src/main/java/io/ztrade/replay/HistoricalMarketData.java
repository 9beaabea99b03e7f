package io.ztrade.replay;

import io.ztrade.agent.AgentSettings;
import io.ztrade.market.BadMarketDataException;
import io.ztrade.market.MarketDataProvider;
import io.ztrade.market.MarketSnapshot;

/**
 * The replay's {@link MarketDataProvider}: what the market looked like at the simulated time, from the history
 * alone. Only bars complete at that time are given (no look-ahead); the price is the newest close, the quote a
 * zero-width spread around it (slippage is the paper broker's business).
 */
public final class HistoricalMarketData implements MarketDataProvider {

    private final PriceHistory history;
    private final ReplayClock clock;

    public HistoricalMarketData(PriceHistory history, ReplayClock clock) {
        this.history = history;
        this.clock = clock;
    }

    @Override
    public MarketSnapshot snapshot(AgentSettings agent) {
        double price = history.closeAt(clock.now());
        if (Double.isNaN(price)) {
            throw new BadMarketDataException("replay of " + agent.agentId() + ": no complete bar of " + agent.symbol()
                    + " at " + clock.now());
        }
        return new MarketSnapshot(agent.symbol(), price, price, price, history.priceTimeAt(clock.now()),
                history.barsAt(clock.now(), agent.barCount()), "replay");
    }
}
