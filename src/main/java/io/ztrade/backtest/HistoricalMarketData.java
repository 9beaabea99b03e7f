package io.ztrade.backtest;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import io.ztrade.market.Instrument;
import io.ztrade.market.MarketDataProvider;
import io.ztrade.market.MarketSnapshot;

/**
 * The replay's {@link MarketDataProvider}: what the market looked like at the simulated time, from the history
 * alone. A {@link PriceHistory} gives only bars complete at that time (no look-ahead), the newest close as price and
 * a zero-width quote (slippage is the paper broker's business); recorded snapshots give what the live run saw.
 */
public final class HistoricalMarketData implements MarketDataProvider {

    private final MarketHistory history;
    private final ReplayClock clock;

    public HistoricalMarketData(MarketHistory history, ReplayClock clock) {
        this.history = history;
        this.clock = clock;
    }

    @Override
    public MarketSnapshot snapshot(Instrument instrument, String barTimeframe, int barCount) {
        return history.at(instrument, barCount, clock.now());
    }

    /**
     * What the replay's market data route calls with the run: the body itself, never a {@code ${body.agent}}
     * parameter (Camel would evaluate it through the simple language, hashing the whole run, its bars included).
     */
    public MarketSnapshot snapshotOf(AgentRun run) {
        AgentSettings agent = run.agent();
        return snapshot(new Instrument(agent.agentId(), agent.symbol(), agent.assetClass()), agent.barTimeframe(),
                agent.barCount());
    }
}
