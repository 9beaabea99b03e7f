package io.ztrade.backtest;

import java.util.List;
import java.util.Map;

/**
 * A backtest as asked for (JSON body of {@code POST /api/backtests}, or the command line).
 *
 * @param agent        a live agent, e.g. {@code agent_tsla}
 * @param from         first New York day, {@code yyyy-MM-dd}
 * @param to           last New York day, inclusive
 * @param source       synthetic, csv, alpaca or recorded
 * @param csv          the bars file for source csv
 * @param sentiment    recorded (from the agent's records) or none (technical only); default: recorded for source
 *                     recorded, else none
 * @param parameters   template parameters to override (threshold, sentimentWeight, cron, ...)
 * @param sweep        parameter sweep: each name with its values; every combination is one replay, run in parallel
 */
public record BacktestSpec(String agent, String from, String to, String source, String csv, String sentiment,
                           Map<String, Object> parameters, Map<String, List<Object>> sweep,
                           Double startingCash, Double commissionPerOrder, Double commissionBps, Double slippageBps,
                           Long seed) {

    public static BacktestSpec of(String agent, String from, String to, String source) {
        return new BacktestSpec(agent, from, to, source, null, null, null, null, null, null, null, null, null);
    }
}
