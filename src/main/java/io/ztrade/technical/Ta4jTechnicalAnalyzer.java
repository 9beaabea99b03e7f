package io.ztrade.technical;

import io.ztrade.market.Bar;
import io.ztrade.market.MarketSnapshot;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

/**
 * RSI(14), MACD(12,26,9), the SMA(20) / SMA(50) trend and the Bollinger(20,2) position, each turned into a
 * vote in [-1, 1] and averaged. Confidence is how much the votes agree, scaled down while fewer than 50
 * bars are there; under 20 bars there is no signal at all.
 */
@Component("technicalAnalyzer")
public class Ta4jTechnicalAnalyzer implements TechnicalAnalyzer {

    static final int MIN_BARS = 20;
    static final int FULL_BARS = 50;

    @Override
    public TechnicalSignal analyze(MarketSnapshot market) {
        List<Bar> bars = market.bars();
        if (bars.size() < MIN_BARS) {
            return new TechnicalSignal(0, 0, Map.of(), "too few bars: " + bars.size() + " of " + MIN_BARS + " needed");
        }
        BarSeries series = series(market.symbol(), bars);
        int last = series.getEndIndex();
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        double price = close.getValue(last).doubleValue();

        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Double> votes = new LinkedHashMap<>();

        double rsi = new RSIIndicator(close, 14).getValue(last).doubleValue();
        values.put("rsi", rsi);
        votes.put("rsi", clamp((50 - rsi) / 20));           // oversold (< 30) votes buy, overbought (> 70) sell

        double percentB = new PercentBIndicator(close, 20, 2.0).getValue(last).doubleValue();
        values.put("percentB", percentB);
        votes.put("bollinger", clamp(1 - 2 * percentB));    // near the lower band votes buy, the upper sell

        double sma20 = new SMAIndicator(close, 20).getValue(last).doubleValue();
        values.put("sma20", sma20);
        if (bars.size() >= FULL_BARS) {
            double sma50 = new SMAIndicator(close, 50).getValue(last).doubleValue();
            values.put("sma50", sma50);
            votes.put("trend", Math.tanh(100 * (sma20 - sma50) / sma50));
        }
        if (bars.size() >= 35) {
            double histogram = new MACDIndicator(close, 12, 26).getHistogram(9).getValue(last).doubleValue();
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
        double coverage = Math.min(1.0, bars.size() / (double) FULL_BARS);
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
