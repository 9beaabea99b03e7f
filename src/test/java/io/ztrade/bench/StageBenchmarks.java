package io.ztrade.bench;

import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.TestAgents;
import io.ztrade.backtest.BacktestMetrics;
import io.ztrade.backtest.PriceHistory;
import io.ztrade.backtest.SyntheticHistory;
import io.ztrade.decision.TradeDecision;
import io.ztrade.decision.WeightedDecisionPolicy;
import io.ztrade.market.MarketSnapshot;
import io.ztrade.market.NyseCalendar;
import io.ztrade.sentiment.SentimentReading;
import io.ztrade.market.Bar;
import io.ztrade.technical.Ta4jTechnicalAnalyzer;
import io.ztrade.technical.TechnicalSignal;
import io.ztrade.technical.WindowedTechnicalAnalyzer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * JMH micro-benchmarks of the plain-Java work inside one agent run and one backtest report, where JMH fits: code
 * without Camel, threads or I/O, called millions of times. {@link ZtradeBench} runs them (the {@code -Pbench}
 * profile) and prints their table; the route itself is measured there, with percentiles, not here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StageBenchmarks {

    /** The technical analysis up to issue 14 (a ta4j series of DecimalNum built per run), now the tests' reference. */
    private final Ta4jTechnicalAnalyzer technical = new Ta4jTechnicalAnalyzer();
    private final WindowedTechnicalAnalyzer windowed = new WindowedTechnicalAnalyzer();
    private final WeightedDecisionPolicy decision = new WeightedDecisionPolicy();
    private AgentSettings agent;
    private MarketSnapshot[] snapshots;
    /** 64 windows of 100 bars, each one bar newer than the one before: one new bar per run. */
    private MarketSnapshot[] consecutive;
    private List<Bar> yearBars;
    private TechnicalSignal[] signals;
    private SentimentReading sentiment;
    private List<Instant> yearTimes;
    private double[] yearEquity;
    private int next;

    @Setup
    public void setUp() {
        agent = TestAgents.agent("TSLA", "us_equity");
        Instant from = LocalDate.of(2025, 1, 1).atStartOfDay(io.ztrade.market.MarketCalendar.NEW_YORK).toInstant();
        Instant to = from.plus(365, ChronoUnit.DAYS);
        PriceHistory history = new SyntheticHistory(new NyseCalendar(), 42, 250, 0.6, 0).load(agent, from, to);
        // 64 snapshots of 100 bars at different times, taken in turn, so no call sees the same input twice in a row
        snapshots = new MarketSnapshot[64];
        signals = new TechnicalSignal[64];
        for (int i = 0; i < snapshots.length; i++) {
            snapshots[i] = history.at(new io.ztrade.market.Instrument(agent.agentId(), agent.symbol(), agent.assetClass()),
                    agent.barCount(), from.plus(30 + 5L * i, ChronoUnit.DAYS).plus(14, ChronoUnit.HOURS));
            signals[i] = technical.analyze(agent.indicators(), snapshots[i]);
        }
        consecutive = new MarketSnapshot[64];
        yearBars = history.bars();
        for (int i = 0; i < consecutive.length; i++) {
            List<Bar> window = List.copyOf(yearBars.subList(1_000 + i, 1_100 + i));
            double last = window.get(99).c();
            consecutive[i] = new MarketSnapshot(agent.symbol(), last, last, last, window.get(99).t(), window, "bench");
        }
        sentiment = new SentimentReading(0.3, 0.8, List.of("alphavantage"), 12, null);
        // a year of 5-minute equity values, as a backtest of agent_tsla produces
        yearTimes = new ArrayList<>();
        List<Double> equity = new ArrayList<>();
        double value = 100_000;
        java.util.Random random = new java.util.Random(7);
        for (var bar : history.bars()) {
            yearTimes.add(bar.t());
            value *= 1 + random.nextGaussian() * 0.001;
            equity.add(value);
        }
        yearEquity = equity.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * RSI, MACD, SMA 20/50 and Bollinger votes over 100 bars as Ztrade computed them up to issue 14 (a ta4j series of
     * DecimalNum and its indicators built from scratch per run): the full computation the live step now matches.
     */
    @Benchmark
    public TechnicalSignal technicalAnalysisOf100Bars() {
        return technical.analyze(agent.indicators(), snapshots[next++ & 63]);
    }

    /**
     * The live technical step (WindowedTechnicalAnalyzer) with one new bar since the last run: the same indicators over
     * the same 100 bars as {@link #technicalAnalysisOf100Bars()}, equal to 1e-9, in primitive doubles.
     */
    @Benchmark
    public TechnicalSignal technicalAnalysisOneNewBar() {
        return windowed.analyze(agent.indicators(), consecutive[next++ & 63]);
    }

    /**
     * What ta4j's own incremental means cost, for comparison (issue 14 suggested them; not what Ztrade runs, see
     * WindowedTechnicalAnalyzer): one new bar added to a series bounded to 100 bars of DoubleNum, with the same
     * indicators built once on it and cached, and their values read at the new bar.
     */
    @Benchmark
    public double technicalAnalysisOneNewBarTa4jBoundedSeries(Ta4jBoundedSeries state) {
        return state.next(yearBars.get(state.added % yearBars.size()));
    }

    /** One agent's ta4j state for {@link #technicalAnalysisOneNewBarTa4jBoundedSeries}: series, cached indicators. */
    @State(Scope.Thread)
    public static class Ta4jBoundedSeries {

        private final BarSeries series = new BaseBarSeriesBuilder().withName("TSLA").withNumTypeOf(DoubleNum.class)
                .withMaxBarCount(100).build();
        private final ClosePriceIndicator close = new ClosePriceIndicator(series);
        private final List<Indicator<Num>> indicators = List.of(new RSIIndicator(close, 14),
                new PercentBIndicator(close, 20, 2), new SMAIndicator(close, 20), new SMAIndicator(close, 50),
                new MACDIndicator(close, 12, 26).getHistogram(9));
        private java.time.ZonedDateTime end = Instant.parse("2025-01-02T14:35:00Z").atZone(ZoneOffset.UTC);
        private int added;

        double next(Bar bar) {
            end = end.plusMinutes(5);                         // the year's bars over and over, always a newer bar
            series.addBar(Duration.ofMinutes(5), end, bar.o(), bar.h(), bar.l(), bar.c(), bar.v());
            added++;
            double sum = 0;
            for (Indicator<Num> indicator : indicators) {
                sum += indicator.getValue(series.getEndIndex()).doubleValue();
            }
            return sum;
        }
    }

    /** The 60/40 weighted score and its BUY/SELL/HOLD: the decision step of every run. */
    @Benchmark
    public TradeDecision decision() {
        return decision.decide(sentiment, signals[next++ & 63],
                new io.ztrade.decision.Weights(agent.sentimentWeight(), agent.technicalWeight(), agent.threshold()));
    }

    /** Returns, Sharpe, Sortino and drawdown of a year of 5-minute equity (about 19,500 values): one report. */
    @Benchmark
    public double reportMetricsOfAYear() {
        double[] returns = BacktestMetrics.returns(yearEquity);
        return BacktestMetrics.sharpe(returns, 19_656) + BacktestMetrics.sortino(returns, 19_656)
                + BacktestMetrics.drawdown(yearTimes, yearEquity).max();
    }
}
