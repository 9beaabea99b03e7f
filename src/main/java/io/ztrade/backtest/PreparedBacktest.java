package io.ztrade.backtest;

import java.util.List;

/** A checked backtest, its history loaded: one replay request per sweep combination. */
public record PreparedBacktest(BacktestSpec spec, String source, List<ReplayRequest> requests) {
}
