package io.ztrade.backtest;

import io.ztrade.agent.RunStatus;
import io.ztrade.broker.OrderSide;
import io.ztrade.market.AssetClass;
import io.ztrade.sentiment.SentimentReading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A backtest's figures, all computed by {@link BacktestMetrics} and {@link SharpeStatistics}. Fractions, not percents
 * (0.05 = 5%); money in dollars. Ratios that are undefined (no variation, no losing day or trade, no closing trade)
 * are null.
 *
 * @param inputs                what the replay used that the live agent would not: sentiment and fills
 * @param totalReturn           ending equity / starting cash - 1
 * @param annualizedReturn      compounded over the trading days replayed (252 a year for stocks, 365 for crypto)
 * @param sharpe                annualised, on daily returns, risk-free rate 0
 * @param sortino               annualised, on daily returns, downside deviation over all days
 * @param calmar                annualised return / max drawdown
 * @param probabilisticSharpe   probability that the true Sharpe ratio of the daily returns is above 0 (PSR)
 * @param maxDrawdown           largest fall from a running peak of the equity (per run), a fraction of the peak
 * @param winRate               closing trades that made money after fees, of all closing trades
 * @param profitFactor          closing trades' gross profit / gross loss
 * @param expectancy            average dollars per closing trade after fees
 * @param maxConsecutiveLosses  longest run of losing closing trades
 * @param averageHoldingMinutes from the (quantity-weighted) buy to the closing sell, on average
 * @param trades                filled orders
 * @param exposure              fraction of runs after which a position was held
 * @param averageDeployed       position value after each run (|qty| x price), averaged over all runs
 * @param maxDeployed           the largest position value after a run
 * @param fees                  commissions paid
 * @param slippage              what the fills lost to slippage against the price the runs saw
 * @param benchmarkCapital      what the benchmark invests: the agent's maxPositionValue (at most the starting cash)
 * @param benchmarkReturn       buy and hold of {@code benchmarkCapital} from the first run's price to the last, the
 *                              rest in cash, as a return on the starting cash (like {@code totalReturn})
 * @param priceReturn           the symbol's own price change, last run's price / first run's price - 1
 * @param statuses              how many runs ended in each status
 * @param curve                 equity, buy-and-hold and drawdown at most 500 points, for a console
 * @param tradeMarks            the fills to mark on the equity chart: all of them up to 1,000, else 1,000 evenly
 *                              spaced ones ({@code trades} says how many there were)
 * @param protectionTrips       each protection that tripped: its run's time and reason (a hold lasts to the next New York day)
 */
public record BacktestReport(
        String agentId, String symbol, Map<String, String> overrides, Instant from, Instant to, String source,
        ReplayInputs inputs, int bars, int runs, double startingCash, double endingEquity,
        double totalReturn, double annualizedReturn, Double sharpe, Double sortino, Double calmar, Double probabilisticSharpe,
        double maxDrawdown, Instant maxDrawdownPeak, Instant maxDrawdownTrough, Instant maxDrawdownRecovery,
        Double winRate, int closingTrades, Double profitFactor, Double expectancy, int maxConsecutiveLosses,
        Double averageHoldingMinutes, int trades, double exposure, double averageDeployed, double maxDeployed,
        double fees, double slippage, double benchmarkCapital, double benchmarkReturn, double priceReturn,
        Map<RunStatus, Integer> statuses, double elapsedSeconds, double runsPerSecond,
        List<CurvePoint> curve, List<TradeMark> tradeMarks, List<String> protectionTrips) {

    static final int MAX_CURVE_POINTS = 500;
    static final int MAX_TRADE_MARKS = 1000;

    /**
     * What the replay decided with, beside the bars.
     *
     * @param sentiment             {@code recorded} (readings from live runs' records) or {@code none} (technical only)
     * @param sentimentReadings     recorded readings the replay had
     * @param sentimentCoverage     fraction of runs that had a reading within {@code sentimentMaxAgeMinutes}
     * @param sentimentWeight       the agent's sentimentWeight: the share of the live decision's score sentiment makes
     * @param decisionWeightLeftOut sentimentWeight x (1 - sentimentCoverage): the share of the live decision the replay
     *                              went without, on average over the runs (0.6 for the default agent with no sentiment)
     * @param fills                 commission and slippage; a fill is at the fire time's price (the newest complete
     *                              bar's close) moved against the order by the slippage
     */
    public record ReplayInputs(String sentiment, int sentimentReadings, long sentimentMaxAgeMinutes,
                               double sentimentCoverage, double sentimentWeight, double decisionWeightLeftOut,
                               FillModel fills) {
    }

    public record CurvePoint(Instant t, double equity, double buyAndHold, double drawdown) {
    }

    /** One fill on the equity chart: its time, side, quantity and fill price, and the equity right after its run (null if no run at that time). */
    public record TradeMark(Instant t, OrderSide side, double qty, double fillPrice, Double equity) {
    }

    public static BacktestReport of(ReplayRequest request, String source, ReplayResult result) {
        List<ReplayResult.EquityPoint> points = result.equity();
        int n = points.size();
        List<Instant> times = points.stream().map(ReplayResult.EquityPoint::at).toList();
        double[] equity = points.stream().mapToDouble(ReplayResult.EquityPoint::equity).toArray();
        double start = result.startingCash();
        double end = n == 0 ? start : equity[n - 1];
        int perYear = result.agent().assetClass() == AssetClass.CRYPTO ? 365 : 252;
        double[] daily = BacktestMetrics.returns(BacktestMetrics.dailyCloses(start, times, equity));
        double annualized = BacktestMetrics.annualized(start, end, daily.length, perYear);
        BacktestMetrics.Drawdown dd = BacktestMetrics.drawdown(times, equity);
        BacktestMetrics.Wins wins = BacktestMetrics.wins(result.fills());
        List<BacktestMetrics.ClosedTrade> closed = BacktestMetrics.closedTrades(result.fills());
        double[] pnl = closed.stream().mapToDouble(BacktestMetrics.ClosedTrade::pnl).toArray();
        Duration holding = BacktestMetrics.averageHoldingTime(closed);
        double[] deployed = points.stream().mapToDouble(p -> Math.abs(p.position() * p.price())).toArray();
        double firstPrice = n == 0 ? 0 : points.get(0).price();
        double priceReturn = n == 0 ? 0 : points.get(n - 1).price() / firstPrice - 1;
        // the same capital as the agent may put at risk, not the whole account
        double benchmarkCapital = Math.min(start, result.agent().maxPositionValue().doubleValue());
        long held = points.stream().filter(p -> p.position() != 0).count();
        Map<RunStatus, Integer> statuses = new TreeMap<>(result.statuses());
        List<CurvePoint> curve = new ArrayList<>();
        int step = Math.max(1, (n + MAX_CURVE_POINTS - 1) / MAX_CURVE_POINTS);
        for (int i = 0; i < n; i += step) {
            curve.add(new CurvePoint(times.get(i), equity[i],
                    start + benchmarkCapital * (points.get(i).price() / firstPrice - 1), dd.series()[i]));
        }
        double seconds = result.elapsedNanos() / 1e9;
        return new BacktestReport(result.agent().agentId(), result.agent().symbol(), request.overrides(), request.from(),
                request.to(), source, inputs(request, result, times), request.history().size(), result.runCount(),
                start, end, end / start - 1, annualized,
                BacktestMetrics.sharpe(daily, perYear), BacktestMetrics.sortino(daily, perYear),
                BacktestMetrics.calmar(annualized, dd.max()), SharpeStatistics.probabilistic(daily, 0),
                dd.max(), dd.peak(), dd.trough(), dd.recovery(), wins.rate(), wins.closingTrades(),
                BacktestMetrics.profitFactor(pnl), BacktestMetrics.expectancy(pnl), BacktestMetrics.maxConsecutiveLosses(pnl),
                holding == null ? null : holding.toSeconds() / 60.0, result.fills().size(),
                n == 0 ? 0 : (double) held / n, BacktestMetrics.mean(deployed), n == 0 ? 0 : max(deployed),
                result.fills().stream().mapToDouble(PaperBroker.Fill::fee).sum(),
                result.fills().stream().mapToDouble(PaperBroker.Fill::slippageCost).sum(),
                benchmarkCapital, benchmarkCapital * priceReturn / start, priceReturn,
                statuses, seconds, seconds == 0 ? 0 : result.runCount() / seconds, curve,
                tradeMarks(result.fills(), points), result.trips().stream().map(t -> t.at() + " " + t.reason()).toList());
    }

    private static ReplayInputs inputs(ReplayRequest request, ReplayResult result, List<Instant> runTimes) {
        NavigableMap<Instant, SentimentReading> readings = new TreeMap<>(request.sentiment());
        // as ReplaySentiment decides: the newest reading at or before the run, no older than the max age
        long covered = runTimes.stream().filter(t -> {
            Instant at = readings.floorKey(t);
            return at != null && !at.isBefore(t.minus(request.sentimentMaxAge()));
        }).count();
        double coverage = runTimes.isEmpty() ? 0 : (double) covered / runTimes.size();
        double weight = result.agent().sentimentWeight();
        return new ReplayInputs(readings.isEmpty() ? "none" : "recorded", readings.size(),
                request.sentimentMaxAge().toMinutes(), coverage, weight, weight * (1 - coverage), request.fills());
    }

    private static List<TradeMark> tradeMarks(List<PaperBroker.Fill> fills, List<ReplayResult.EquityPoint> points) {
        Map<Instant, Double> equityAt = new HashMap<>();
        points.forEach(p -> equityAt.put(p.at(), p.equity()));
        List<TradeMark> marks = new ArrayList<>();
        double step = Math.max(1, (double) fills.size() / MAX_TRADE_MARKS);
        for (double i = 0; i < fills.size(); i += step) {
            PaperBroker.Fill f = fills.get((int) i);
            marks.add(new TradeMark(f.at(), f.side(), f.qty(), f.fillPrice(), equityAt.get(f.at())));
        }
        return marks;
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
