package io.ztrade.backtest;

import io.ztrade.market.Instrument;
import io.ztrade.market.MarketSnapshot;
import java.time.Instant;

/** What a replay knows of the market at any simulated time: bars ({@link PriceHistory}) or recorded snapshots. */
public interface MarketHistory {

    /**
     * The snapshot a run at that time would have seen; never anything from after it.
     *
     * @throws io.ztrade.market.BadMarketDataException when nothing is known at that time
     */
    MarketSnapshot at(Instrument instrument, int barCount, Instant at);

    /** The price at that time, NaN when nothing is known yet. */
    double priceAt(Instant at);

    /** How many bars (or snapshots) the history holds. */
    int size();
}
