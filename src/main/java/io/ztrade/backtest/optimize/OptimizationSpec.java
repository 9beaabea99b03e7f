package io.ztrade.backtest.optimize;

import io.ztrade.backtest.BacktestSpec;
import java.util.Map;

/**
 * An optimisation as asked for (JSON body of {@code POST /api/optimizations}, or the command line): a backtest
 * ({@link BacktestSpec}'s fields, no sweep) and what to search.
 *
 * @param optimize    the ranges, {@code threshold=0.05:0.4,sentimentWeight=0:1}
 * @param trials      backtests the optimiser may run (per walk-forward window); default 100
 * @param objective   sharpe (default), sortino, calmar, return or profit-factor
 * @param walkForward {@code train=6M,test=1M} to optimise over rolling windows and test each winner on the next;
 *                    null for one optimisation over the whole range
 */
public record OptimizationSpec(String agent, String from, String to, String source, String csv, String sentiment,
                               Map<String, Object> parameters, Double startingCash, Double commissionPerOrder,
                               Double commissionBps, Double slippageBps, Long seed,
                               String optimize, Integer trials, String objective, String walkForward) {

    /** The backtest every trial is a copy of, with the trial's parameters on top. */
    public BacktestSpec backtest() {
        return new BacktestSpec(agent, from, to, source, csv, sentiment, parameters, null, startingCash, commissionPerOrder,
                commissionBps, slippageBps, seed);
    }
}
