package io.ztrade.technical;

import io.ztrade.market.Bar;
import io.ztrade.market.MarketSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * RSI, MACD histogram, the fast/slow SMA trend and the Bollinger %B position, with the agent's periods (defaults
 * RSI 14, MACD 12/26/9, SMA 20/50, Bollinger 20 x 2), each turned into a vote in [-1, 1] and averaged. Confidence
 * is how much the votes agree, scaled down while fewer bars than the slowest indicator needs are there; with fewer
 * than RSI, Bollinger and the fast SMA need there is no signal at all (confidence 0, with the reason).
 *
 * <p>The indicators are those of a ta4j 0.17 series made of the run's bars (the snapshot's last {@code barCount},
 * oldest first): RSI with Wilder's smoothing and the MACD EMAs start at the window's first bar, SMAs and the
 * population deviation of the Bollinger bands cover their last {@code n} bars. They are computed here, over that
 * window, in primitive doubles: the same numbers as ta4j's (to 1e-9, checked against ta4j itself over long random
 * series in WindowedTechnicalAnalyzerEqualityTest) for over 1,000 times less work than building a ta4j series and its
 * indicators of DecimalNum on every run, as Ztrade did before (StageBenchmarks, both in one run).
 *
 * <p>Why a window recomputed on every run rather than indicator state kept per agent and updated with the new bars
 * (ta4j's bounded {@code BarSeries} with cached indicators, issue 14's first suggestion): state started at a seed bar
 * gives RSI and MACD values that depend on when it was seeded (Wilder's and the EMAs' memory decays as (13/14)^n, about
 * 6e-4 after 100 bars), so a live agent after a restart, a replay started on another day and a one-off test run would
 * each see other numbers for the same bars, where a window gives every run, live or replayed, exactly the numbers of
 * its own bars. State would also have to be checked against the snapshot on every run (a corrected bar keeps its
 * timestamp), which costs as much as this recomputation of about 1,000 floating-point operations. Speed is not the
 * reason: ta4j's state is fast enough too (its new bar took 1.8 to 11 times this one's in three runs of StageBenchmarks
 * on a busy machine); but it weighs about 56 KiB an agent (100 DoubleNum bars and these indicators' caches, measured;
 * 5,000 agents: about 280 MiB). This keeps nothing between runs, so a replay or a sweep cannot share or disturb a
 * live agent's analysis, and one instance serves every route and thread at once.
 */
@Component
public class WindowedTechnicalAnalyzer implements TechnicalAnalyzer {

    /**
     * A vote this close to 0 takes no side in the agreement. ta4j's decimal arithmetic gives exactly 0 where the price
     * sits exactly on the Bollinger middle or the two SMAs are equal (cent prices make that happen); doubles give a
     * rounding's worth either side, which must not flip a vote's sign.
     */
    private static final double NO_SIDE = 1e-12;

    /** Bars needed for any signal: RSI, Bollinger and the fast SMA all defined. */
    static int minBars(Indicators p) {
        return Math.max(p.rsiPeriod() + 1, Math.max(p.bollingerPeriod(), p.smaFast()));
    }

    /** Bars for full confidence: the slow SMA and the MACD signal line defined too. */
    static int fullBars(Indicators p) {
        return Math.max(minBars(p), Math.max(p.smaSlow(), p.macdSlow() + p.macdSignal()));
    }

    @Override
    public TechnicalSignal analyze(Indicators p, MarketSnapshot market) {
        List<Bar> bars = market.bars();
        int minBars = minBars(p);
        int fullBars = fullBars(p);
        if (bars.size() < minBars) {
            return new TechnicalSignal(0, 0, Map.of(), "too few bars: " + bars.size() + " of " + minBars + " needed");
        }
        double[] close = closes(market.symbol(), bars);
        double price = close[close.length - 1];

        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Double> votes = new LinkedHashMap<>();

        double rsi = rsi(close, p.rsiPeriod());
        values.put("rsi", rsi);
        votes.put("rsi", clamp((50 - rsi) / 20));           // oversold (< 30) votes buy, overbought (> 70) sell

        double percentB = percentB(close, p.bollingerPeriod(), p.bollingerWidth());
        values.put("percentB", percentB);
        votes.put("bollinger", clamp(1 - 2 * percentB));    // near the lower band votes buy, the upper sell

        double smaFast = sma(close, p.smaFast());
        values.put("smaFast", smaFast);
        if (close.length >= p.smaSlow()) {
            double smaSlow = sma(close, p.smaSlow());
            values.put("smaSlow", smaSlow);
            votes.put("trend", Math.tanh(100 * (smaFast - smaSlow) / smaSlow));
        }
        if (close.length >= p.macdSlow() + p.macdSignal()) {
            double histogram = macdHistogram(close, p.macdFast(), p.macdSlow(), p.macdSignal());
            values.put("macdHistogram", histogram);
            votes.put("macd", Math.tanh(1000 * histogram / price));
        }
        values.values().removeIf(v -> !Double.isFinite(v));
        votes.values().removeIf(v -> !Double.isFinite(v));
        if (votes.isEmpty()) {
            return new TechnicalSignal(0, 0, values, "indicators undefined on flat prices");
        }
        double signal = votes.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double agreement = Math.abs(votes.values().stream().mapToDouble(v -> Math.abs(v) < NO_SIDE ? 0 : Math.signum(v))
                .sum()) / votes.size();
        double coverage = Math.min(1.0, close.length / (double) fullBars);
        return new TechnicalSignal(clamp(signal), agreement * coverage, values, null);
    }

    /** The closes, oldest first; bars out of order or twice at one time are an error, as a ta4j series has them. */
    private static double[] closes(String symbol, List<Bar> bars) {
        double[] close = new double[bars.size()];
        Bar previous = null;
        for (int i = 0; i < close.length; i++) {
            Bar bar = bars.get(i);
            if (previous != null && !bar.t().isAfter(previous.t())) {
                throw new IllegalArgumentException("technical analysis of " + symbol + ": bar " + i + " at " + bar.t()
                        + " is not after bar " + (i - 1) + " at " + previous.t() + "; bars must be oldest first, one per time");
            }
            close[i] = bar.c();
            previous = bar;
        }
        return close;
    }

    /** Wilder's RSI: gains and losses smoothed by 1/n, both started at 0 on the first bar (ta4j's MMA of its gain). */
    static double rsi(double[] close, int period) {
        double k = 1.0 / period;
        double gain = 0;
        double loss = 0;
        for (int i = 1; i < close.length; i++) {
            double change = close[i] - close[i - 1];
            gain += ((change > 0 ? change : 0) - gain) * k;
            loss += ((change < 0 ? -change : 0) - loss) * k;
        }
        if (loss == 0) {
            return gain == 0 ? 0 : 100;
        }
        return 100 - 100 / (1 + gain / loss);
    }

    /** MACD line minus its signal line: EMAs with k = 2 / (n + 1), each started at its input's first value. */
    static double macdHistogram(double[] close, int fast, int slow, int signalPeriod) {
        double kFast = 2.0 / (fast + 1);
        double kSlow = 2.0 / (slow + 1);
        double kSignal = 2.0 / (signalPeriod + 1);
        double emaFast = close[0];
        double emaSlow = close[0];
        double signal = 0;                                   // the MACD line's first value: both EMAs at close[0]
        for (int i = 1; i < close.length; i++) {
            emaFast += (close[i] - emaFast) * kFast;
            emaSlow += (close[i] - emaSlow) * kSlow;
            signal += ((emaFast - emaSlow) - signal) * kSignal;
        }
        return (emaFast - emaSlow) - signal;
    }

    /**
     * Mean of the last {@code n} closes, summed as differences from the last close: a flat stretch sums to exactly 0,
     * so its mean is exactly its price (as in ta4j's decimals) and two SMAs over it are exactly equal.
     */
    static double sma(double[] close, int n) {
        double last = close[close.length - 1];
        double sum = 0;
        for (int i = close.length - n; i < close.length; i++) {
            sum += close[i] - last;
        }
        return last + sum / n;
    }

    /**
     * Where the last close sits in the Bollinger bands (0 on the lower, 1 on the upper): SMA of {@code n} plus and
     * minus {@code width} population deviations; NaN when the band has no width (flat prices), as in ta4j.
     */
    static double percentB(double[] close, int n, double width) {
        double last = close[close.length - 1];
        double mean = sma(close, n);
        double squares = 0;
        for (int i = close.length - n; i < close.length; i++) {
            double deviation = close[i] - mean;
            squares += deviation * deviation;
        }
        double band = width * Math.sqrt(squares / n);
        double lower = mean - band;
        double upper = mean + band;
        return (last - lower) / (upper - lower);
    }

    private static double clamp(double value) {
        return Math.max(-1, Math.min(1, value));
    }
}
