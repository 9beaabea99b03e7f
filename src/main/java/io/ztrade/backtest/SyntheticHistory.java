package io.ztrade.backtest;

import io.ztrade.agent.AgentSettings;
import io.ztrade.market.AssetClass;
import io.ztrade.market.Bar;
import io.ztrade.market.MarketCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic random walk for demos and tests: the same seed, symbol and range give the same bars. Stock bars
 * are made only where {@link MarketCalendar} says the session is open (bar start and end inside it), crypto bars
 * around the clock.
 *
 * @param seed       random seed
 * @param startPrice the first open, dollars
 * @param annualVol  yearly volatility of log returns (0.5 = 50%)
 * @param annualDrift yearly drift of log returns
 */
public record SyntheticHistory(MarketCalendar calendar, long seed, double startPrice, double annualVol, double annualDrift)
        implements HistorySource {

    private static final double MINUTES_PER_YEAR = 365.25 * 24 * 60;

    @Override
    public PriceHistory load(AgentSettings agent, Instant from, Instant to) {
        Duration step = PriceHistory.timeframe(agent.barTimeframe());
        SplittableRandom random = new SplittableRandom(seed ^ agent.symbol().hashCode());
        // volatility per bar scaled by trading time: a stock's year has about 252 x 6.5 hours of bars
        double minutesPerYear = agent.assetClass() == AssetClass.CRYPTO ? MINUTES_PER_YEAR : 252 * 6.5 * 60;
        double dt = step.toMinutes() / minutesPerYear;
        double sigma = annualVol * Math.sqrt(dt);
        double mu = (annualDrift - annualVol * annualVol / 2) * dt;
        List<Bar> bars = new ArrayList<>();
        double price = startPrice;
        for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
            if (agent.assetClass() != AssetClass.CRYPTO
                    && !(calendar.statusAt(agent.assetClass(), t).open()
                    && calendar.statusAt(agent.assetClass(), t.plus(step).minusMillis(1)).open())) {
                continue;
            }
            double open = price;
            double close = open * Math.exp(mu + sigma * gaussian(random));
            double wick = Math.abs(close - open) * random.nextDouble() + open * sigma * 0.25 * random.nextDouble();
            double high = Math.max(open, close) + wick;
            double low = Math.max(0.01, Math.min(open, close) - wick);
            double volume = Math.round(1_000 + 9_000 * random.nextDouble());
            bars.add(new Bar(t, round(open), round(high), round(low), round(close), volume));
            price = close;
        }
        return new PriceHistory(agent.symbol(), step, bars);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller, so the walk depends on SplittableRandom alone (same numbers on every JVM)
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double round(double price) {
        return Math.round(price * 100) / 100.0;
    }
}
