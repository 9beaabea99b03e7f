package io.ztrade.backtest;

import io.ztrade.market.BadMarketDataException;
import io.ztrade.market.Instrument;
import io.ztrade.market.MarketSnapshot;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Market snapshots as live runs recorded them, by fire time: a replay at a recorded fire time sees exactly what the
 * live run saw; between fire times, the latest snapshot before (never one after).
 */
public final class RecordedSnapshots implements MarketHistory {

    private final NavigableMap<Instant, MarketSnapshot> snapshots;

    public RecordedSnapshots(Map<Instant, MarketSnapshot> snapshots) {
        this.snapshots = new TreeMap<>(snapshots);
    }

    @Override
    public MarketSnapshot at(Instrument agent, int barCount, Instant at) {
        Map.Entry<Instant, MarketSnapshot> entry = snapshots.floorEntry(at);
        if (entry == null) {
            throw new BadMarketDataException("replay of " + agent.agentId() + ": no recorded market data at or before " + at);
        }
        return entry.getValue();
    }

    @Override
    public double priceAt(Instant at) {
        Map.Entry<Instant, MarketSnapshot> entry = snapshots.floorEntry(at);
        return entry == null ? Double.NaN : entry.getValue().price();
    }

    @Override
    public int size() {
        return snapshots.size();
    }
}
