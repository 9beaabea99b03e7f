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
import io.ztrade.technical.Ta4jTechnicalAnalyzer;
import io.ztrade.technical.TechnicalSignal;
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

/**
 * JMH micro-benchmarks of the plain-Java work inside one agent run and one backtest report, where JMH fits: code
 * without Camel, threads or I/O, called millions of times. {@link ZtradeBench} runs them (the {@code -Pbench}
 * profile) and prints their table; the route itself is measured there, with percentiles, not here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StageBenchmarks {

    private final Ta4jTechnicalAnalyzer technical = new Ta4jTechnicalAnalyzer();
    private final WeightedDecisionPolicy decision = new WeightedDecisionPolicy();
    private AgentSettings agent;
    private MarketSnapshot[] snapshots;
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

    /** RSI, MACD, SMA 20/50 and Bollinger votes over 100 bars: the technical step of every run. */
    @Benchmark
    public TechnicalSignal technicalAnalysisOf100Bars() {
        return technical.analyze(agent.indicators(), snapshots[next++ & 63]);
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
