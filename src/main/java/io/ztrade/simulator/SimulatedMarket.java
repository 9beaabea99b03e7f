package io.ztrade.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Seeded random-walk prices, one step a minute from 30 days before start-up, extended as time passes. Every
 * request at the same minute sees the same price, and bars of any timeframe are cut from the same minutes,
 * so quotes, bars and fills agree with each other.
 */
@Component
@Conditional(SimulatorEnabled.class)
public class SimulatedMarket {

    static final Duration HISTORY = Duration.ofDays(30);

    private static final Map<String, Double> START_PRICES = Map.of("TSLA", 350.0, "IWM", 225.0, "SPY", 600.0,
            "AAPL", 230.0, "BTC/USD", 95_000.0, "ETH/USD", 3_400.0);

    private final long seed;
    private final Instant anchor;
    private final Map<String, Walk> walks = new ConcurrentHashMap<>();

    @Autowired
    public SimulatedMarket(SimulatorProperties properties) {
        this(properties.seed());
    }

    public SimulatedMarket(long seed) {
        this.seed = seed;
        this.anchor = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(HISTORY);
    }

    /** A one-bar OHLCV; {@code t} is the bar's start. */
    public record SimBar(Instant t, double o, double h, double l, double c, long v) {
    }

    public double priceAt(String symbol, Instant at) {
        return walk(symbol).price(minuteIndex(at));
    }

    /**
     * Completed bars of {@code minutes} minutes whose start lies in [start, end), oldest first.
     */
    public List<SimBar> bars(String symbol, int minutes, Instant start, Instant end) {
        Walk walk = walk(symbol);
        long firstBucket = Math.max(0, ceilDiv(minuteIndex(start), minutes));
        long now = minuteIndex(Instant.now());
        long lastBucketExclusive = Math.min(ceilDiv(minuteIndex(end), minutes), (now + 1) / minutes);
        List<SimBar> bars = new ArrayList<>();
        for (long b = firstBucket; b < lastBucketExclusive; b++) {
            long from = b * minutes;
            double o = walk.price(from);
            double h = o;
            double l = o;
            double c = o;
            for (long m = from; m < from + minutes; m++) {
                c = walk.price(m);
                h = Math.max(h, c);
                l = Math.min(l, c);
            }
            long volume = 1_000 + Math.floorMod(Long.hashCode(b * 31 + symbol.hashCode()), 9_000);
            bars.add(new SimBar(anchor.plus(Duration.ofMinutes(from)), o, h, l, c, volume));
        }
        return bars;
    }

    /** The symbols with a start price of their own and every symbol priced so far. */
    public java.util.Set<String> knownSymbols() {
        java.util.Set<String> symbols = new java.util.TreeSet<>(START_PRICES.keySet());
        symbols.addAll(walks.keySet());
        return symbols;
    }

    public boolean isCrypto(String symbol) {
        return symbol.contains("/");
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private long minuteIndex(Instant at) {
        return Math.max(0, Duration.between(anchor, at).toMinutes());
    }

    private Walk walk(String symbol) {
        return walks.computeIfAbsent(symbol, s -> new Walk(START_PRICES.getOrDefault(s, 100.0),
                isCrypto(s) ? 0.0006 : 0.0005, new Random(seed ^ s.hashCode())));
    }

    /** One symbol's minute prices; log-normal steps with the given volatility per minute. */
    private static final class Walk {
        private final double volatility;
        private final Random random;
        private double[] prices = new double[64];
        private int size;

        Walk(double start, double volatility, Random random) {
            this.volatility = volatility;
            this.random = random;
            prices[size++] = start;
        }

        synchronized double price(long minute) {
            while (size <= minute) {
                if (size == prices.length) {
                    prices = Arrays.copyOf(prices, size * 2);
                }
                prices[size] = prices[size - 1] * Math.exp(volatility * random.nextGaussian());
                size++;
            }
            return Math.round(prices[(int) minute] * 100) / 100.0;
        }
    }
}
