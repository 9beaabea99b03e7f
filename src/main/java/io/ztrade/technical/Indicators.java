package io.ztrade.technical;

/**
 * Periods (in bars) of the technical indicators, an agent's {@code rsiPeriod}, {@code macdFast}, ... parameters;
 * their defaults are the template's (routes/agent-template.yaml) only.
 *
 * @param rsiPeriod       RSI look-back, Wilder smoothing
 * @param macdFast        MACD fast EMA
 * @param macdSlow        MACD slow EMA
 * @param macdSignal      MACD signal-line EMA
 * @param smaFast         the fast SMA of the trend vote
 * @param smaSlow         the slow SMA of the trend vote
 * @param bollingerPeriod Bollinger band SMA period
 * @param bollingerWidth  Bollinger band width in standard deviations
 */
public record Indicators(int rsiPeriod, int macdFast, int macdSlow, int macdSignal, int smaFast, int smaSlow,
                         int bollingerPeriod, double bollingerWidth) {
}
