package io.ztrade.technical;

import io.ztrade.market.Bar;
import io.ztrade.market.MarketSnapshot;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

/**
 * The reference the live analyzer ({@link WindowedTechnicalAnalyzer}) is checked against: the technical analysis as
 * Ztrade computed it up to issue 14, a ta4j {@code BarSeries} of the run's bars (DecimalNum) and every indicator
 * built from scratch on every run (about 579 µs for 100 bars; StageBenchmarks). Kept unchanged but for this comment.
 */
public class Ta4jTechnicalAnalyzer implements TechnicalAnalyzer {

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
        BarSeries series = series(market.symbol(), bars);
        int last = series.getEndIndex();
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        double price = close.getValue(last).doubleValue();

        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Double> votes = new LinkedHashMap<>();

        double rsi = new RSIIndicator(close, p.rsiPeriod()).getValue(last).doubleValue();
        values.put("rsi", rsi);
        votes.put("rsi", clamp((50 - rsi) / 20));           // oversold (< 30) votes buy, overbought (> 70) sell

        double percentB = new PercentBIndicator(close, p.bollingerPeriod(), p.bollingerWidth()).getValue(last).doubleValue();
        values.put("percentB", percentB);
        votes.put("bollinger", clamp(1 - 2 * percentB));    // near the lower band votes buy, the upper sell

        double smaFast = new SMAIndicator(close, p.smaFast()).getValue(last).doubleValue();
        values.put("smaFast", smaFast);
        if (bars.size() >= p.smaSlow()) {
            double smaSlow = new SMAIndicator(close, p.smaSlow()).getValue(last).doubleValue();
            values.put("smaSlow", smaSlow);
            votes.put("trend", Math.tanh(100 * (smaFast - smaSlow) / smaSlow));
        }
        if (bars.size() >= p.macdSlow() + p.macdSignal()) {
            double histogram = new MACDIndicator(close, p.macdFast(), p.macdSlow()).getHistogram(p.macdSignal())
                    .getValue(last).doubleValue();
            values.put("macdHistogram", histogram);
            votes.put("macd", Math.tanh(1000 * histogram / price));
        }
        values.values().removeIf(v -> !Double.isFinite(v));
        votes.values().removeIf(v -> !Double.isFinite(v));
        if (votes.isEmpty()) {
            return new TechnicalSignal(0, 0, values, "indicators undefined on flat prices");
        }
        double signal = votes.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double agreement = Math.abs(votes.values().stream().mapToDouble(Math::signum).sum()) / votes.size();
        double coverage = Math.min(1.0, bars.size() / (double) fullBars);
        return new TechnicalSignal(clamp(signal), agreement * coverage, values, null);
    }

    private static BarSeries series(String name, List<Bar> bars) {
        BarSeries series = new BaseBarSeriesBuilder().withName(name).build();
        Duration period = bars.size() > 1 ? Duration.between(bars.get(0).t(), bars.get(1).t()) : Duration.ofMinutes(1);
        if (period.isZero() || period.isNegative()) {
            period = Duration.ofMinutes(1);
        }
        for (Bar bar : bars) {
            series.addBar(period, bar.t().plus(period).atZone(ZoneOffset.UTC), bar.o(), bar.h(), bar.l(), bar.c(), bar.v());
        }
        return series;
    }

    private static double clamp(double value) {
        return Math.max(-1, Math.min(1, value));
    }
}
