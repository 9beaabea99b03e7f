package io.ztrade.backtest.optimize;

import io.ztrade.backtest.BacktestReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What an optimisation found.
 *
 * @param trials              distinct backtests replayed (the N of the deflated Sharpe ratio; a point the optimiser
 *                            asked for twice, e.g. after rounding an integer, is replayed once)
 * @param best                the best parameter sets, best first, each with its full report (plain optimisation)
 * @param all                 every trial, for the console's heatmap
 * @param probabilisticSharpe of the best set's daily returns: the probability its true Sharpe ratio is above 0
 * @param deflatedSharpe      the same, deflated for having picked the best of {@code trials} (Bailey and López de Prado)
 * @param walkForward         the walk-forward analysis; null for a plain optimisation
 */
public record OptimizationResult(String agent, String objective, List<ParameterRange> ranges, int trials, List<Ranked> best,
                                 List<TrialRow> all, Double probabilisticSharpe, Double deflatedSharpe,
                                 WalkForward walkForward, double elapsedSeconds, double trialsPerSecond) {

    /** One trial: its parameters and figures ({@code window} 0 for a plain optimisation, else the walk-forward window). */
    public record TrialRow(int window, Map<String, String> parameters, Double objective, double totalReturn, Double sharpe,
                           double maxDrawdown, int trades, Double perPeriodSharpe) {
    }

    /** One of the best parameter sets and its report. */
    public record Ranked(Map<String, String> parameters, Double objective, BacktestReport report) {
    }

    /**
     * One walk-forward window: the winner of its in-sample optimisation and how it did out of sample.
     *
     * @param inSampleDeflatedSharpe the in-sample winner's deflated Sharpe ratio for the window's trials
     */
    public record WindowResult(int index, LocalDate trainFrom, LocalDate trainTo, LocalDate testFrom, LocalDate testTo,
                               Map<String, String> parameters, Double inSample, Double outOfSample,
                               Double inSampleDeflatedSharpe, double outOfSampleReturn, int outOfSampleTrades, int trials) {
    }

    /** Equity of the stitched out-of-sample windows. */
    public record EquityPoint(Instant t, double equity) {
    }

    /**
     * The out-of-sample windows stitched: each test window starts flat with the equity the previous one ended with.
     *
     * @param deflatedSharpe the stitched returns' Sharpe ratio deflated for the trials of each window's selection
     */
    public record WalkForward(List<WindowResult> windows, List<EquityPoint> equity, double totalReturn, Double sharpe,
                              double maxDrawdown, Double probabilisticSharpe, Double deflatedSharpe) {
    }
}
