package io.ztrade.backtest;

import io.ztrade.agent.RunStatus;
import io.ztrade.market.AssetClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A backtest's figures, all computed by {@link BacktestMetrics}. Fractions, not percents (0.05 = 5%); money in
 * dollars. Ratios that are undefined (no variation, no losing day, no closing trade) are null.
 *
 * @param totalReturn        ending equity / starting cash - 1
 * @param annualizedReturn   compounded over the trading days replayed (252 a year for stocks, 365 for crypto)
 * @param sharpe             annualised, on daily returns, risk-free rate 0
 * @param sortino            annualised, on daily returns, downside deviation over all days
 * @param maxDrawdown        largest fall from a running peak of the equity (per run), a fraction of the peak
 * @param winRate            closing trades that made money after fees, of all closing trades
 * @param trades             filled orders
 * @param exposure           fraction of runs after which a position was held
 * @param fees               commissions paid
 * @param slippage           what the fills lost to slippage against the price the runs saw
 * @param benchmarkReturn    buying at the first run's price and holding to the last
 * @param statuses           how many runs ended in each status
 * @param curve              equity, buy-and-hold and drawdown at most 500 points, for a console
 * @param protectionTrips    each protection that tripped: its run's time and reason (a hold lasts to the next New York day)
 */
public record BacktestReport(
        String agentId, String symbol, Map<String, String> overrides, Instant from, Instant to, String source,
        int bars, int runs, double startingCash, double endingEquity,
        double totalReturn, double annualizedReturn, Double sharpe, Double sortino,
        double maxDrawdown, Instant maxDrawdownPeak, Instant maxDrawdownTrough, Instant maxDrawdownRecovery,
        Double winRate, int closingTrades, int trades, double exposure, double fees, double slippage,
        double benchmarkReturn, Map<RunStatus, Integer> statuses, double elapsedSeconds, double runsPerSecond,
        List<CurvePoint> curve, List<String> protectionTrips) {

    public record CurvePoint(Instant t, double equity, double buyAndHold, double drawdown) {
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
        BacktestMetrics.Drawdown dd = BacktestMetrics.drawdown(times, equity);
        BacktestMetrics.Wins wins = BacktestMetrics.wins(result.fills());
        double firstPrice = n == 0 ? 0 : points.get(0).price();
        double benchmark = n == 0 ? 0 : points.get(n - 1).price() / firstPrice - 1;
        long held = points.stream().filter(p -> p.position() != 0).count();
        Map<RunStatus, Integer> statuses = new TreeMap<>(result.statuses());
        List<CurvePoint> curve = new ArrayList<>();
        int step = Math.max(1, (n + 499) / 500);
        for (int i = 0; i < n; i += step) {
            curve.add(new CurvePoint(times.get(i), equity[i], start * points.get(i).price() / firstPrice, dd.series()[i]));
        }
        double seconds = result.elapsedNanos() / 1e9;
        return new BacktestReport(result.agent().agentId(), result.agent().symbol(), request.overrides(), request.from(),
                request.to(), source, request.history().size(), result.runCount(), start, end,
                end / start - 1, BacktestMetrics.annualized(start, end, daily.length, perYear),
                BacktestMetrics.sharpe(daily, perYear), BacktestMetrics.sortino(daily, perYear),
                dd.max(), dd.peak(), dd.trough(), dd.recovery(), wins.rate(), wins.closingTrades(), result.fills().size(),
                n == 0 ? 0 : (double) held / n,
                result.fills().stream().mapToDouble(PaperBroker.Fill::fee).sum(),
                result.fills().stream().mapToDouble(PaperBroker.Fill::slippageCost).sum(),
                benchmark, statuses, seconds, seconds == 0 ? 0 : result.runCount() / seconds, curve,
                result.trips().stream().map(t -> t.at() + " " + t.reason()).toList());
    }
}
