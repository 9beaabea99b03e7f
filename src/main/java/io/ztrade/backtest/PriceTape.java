package io.ztrade.backtest;

import io.ztrade.risk.protection.TradeHistory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The price of each replayed run, in fire-time order: 16 bytes a run. The protections ask for the low and high since
 * one instant up to the run, again and again with the same start: the tape extends the last answer instead of
 * scanning again, so a long backtest stays linear.
 */
final class PriceTape {

    private long[] times = new long[256];
    private double[] prices = new double[256];
    private int size;
    private long rangeAfter = Long.MIN_VALUE;
    private int rangeEnd;
    private double low = Double.NaN;
    private double high = Double.NaN;

    synchronized void add(Instant at, double price) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            prices = Arrays.copyOf(prices, size * 2);
        }
        times[size] = at.toEpochMilli();
        prices[size] = price;
        size++;
    }

    synchronized Optional<BigDecimal> lastBefore(Instant before) {
        int i = firstAtOrAfter(before.toEpochMilli()) - 1;
        return i < 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(prices[i]));
    }

    synchronized Optional<TradeHistory.PriceRange> range(Instant after, Instant before) {
        long a = after.toEpochMilli();
        int end = firstAtOrAfter(before.toEpochMilli());
        if (a != rangeAfter || end < rangeEnd) {
            rangeAfter = a;
            rangeEnd = firstAtOrAfter(a + 1);
            low = Double.NaN;
            high = Double.NaN;
        }
        for (; rangeEnd < end; rangeEnd++) {
            double p = prices[rangeEnd];
            low = Double.isNaN(low) ? p : Math.min(low, p);
            high = Double.isNaN(high) ? p : Math.max(high, p);
        }
        return Double.isNaN(low) ? Optional.empty()
                : Optional.of(new TradeHistory.PriceRange(BigDecimal.valueOf(low), BigDecimal.valueOf(high)));
    }

    private int firstAtOrAfter(long millis) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
