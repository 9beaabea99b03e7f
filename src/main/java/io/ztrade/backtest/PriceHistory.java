package io.ztrade.backtest;

import io.ztrade.market.BadMarketDataException;
import io.ztrade.market.Bar;
import io.ztrade.market.Instrument;
import io.ztrade.market.MarketSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bars of one symbol, oldest first, each {@code timeframe} long. A bar that starts at {@code t} is complete at
 * {@code t + timeframe}; at a simulated time only complete bars are visible, so a replayed run never sees the future.
 */
public final class PriceHistory implements MarketHistory {

    private static final Pattern TIMEFRAME = Pattern.compile("(\\d+)(Min|T|Hour|H|Day|D)", Pattern.CASE_INSENSITIVE);

    private final String symbol;
    private final Duration timeframe;
    private final List<Bar> bars;
    private final long[] ends;

    public PriceHistory(String symbol, Duration timeframe, List<Bar> bars) {
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.bars = List.copyOf(bars);
        this.ends = new long[bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            if (i > 0 && !bars.get(i).t().isAfter(bars.get(i - 1).t())) {
                throw new IllegalArgumentException(symbol + ": bars out of order at " + bars.get(i).t());
            }
            ends[i] = bars.get(i).t().plus(timeframe).toEpochMilli();
        }
    }

    /** Alpaca's bar timeframe names: 5Min (also 5T), 1Hour (1H), 1Day (1D). */
    public static Duration timeframe(String name) {
        Matcher m = TIMEFRAME.matcher(name.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("bar timeframe '" + name + "' is not like 5Min, 15Min, 1Hour or 1Day");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "min", "t" -> Duration.ofMinutes(n);
            case "hour", "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    public String symbol() {
        return symbol;
    }

    public Duration timeframe() {
        return timeframe;
    }

    public List<Bar> bars() {
        return bars;
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    /** How many bars are complete at that instant (the index after the last one). */
    public int completeAt(Instant at) {
        long t = at.toEpochMilli();
        int lo = 0;
        int hi = ends.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The newest {@code count} bars complete at that instant, oldest first; never a bar that ends after it. */
    public List<Bar> barsAt(Instant at, int count) {
        int end = completeAt(at);
        return bars.subList(Math.max(0, end - count), end);
    }

    /** The close of the newest bar complete at that instant, or NaN before the first bar completes. */
    public double closeAt(Instant at) {
        int end = completeAt(at);
        return end == 0 ? Double.NaN : bars.get(end - 1).c();
    }

    /** When the newest bar complete at that instant ended. */
    public Instant priceTimeAt(Instant at) {
        int end = completeAt(at);
        return end == 0 ? null : Instant.ofEpochMilli(ends[end - 1]);
    }

    /** The newest close as price, a zero-width quote around it, and the agent's barCount complete bars. */
    @Override
    public MarketSnapshot at(Instrument agent, int barCount, Instant at) {
        double price = closeAt(at);
        if (Double.isNaN(price)) {
            throw new BadMarketDataException("replay of " + agent.agentId() + ": no complete bar of " + symbol + " at " + at);
        }
        return new MarketSnapshot(agent.symbol(), price, price, price, priceTimeAt(at), barsAt(at, barCount), "replay");
    }

    @Override
    public double priceAt(Instant at) {
        return closeAt(at);
    }

    @Override
    public int size() {
        return bars.size();
    }

    /** The bars that start in [from, to), for a history read once and cut per backtest. */
    public PriceHistory between(Instant from, Instant to) {
        List<Bar> cut = new ArrayList<>();
        for (Bar bar : bars) {
            if (!bar.t().isBefore(from) && bar.t().isBefore(to)) {
                cut.add(bar);
            }
        }
        return new PriceHistory(symbol, timeframe, cut);
    }
}
