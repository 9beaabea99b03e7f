package io.ztrade.technical;

/**
 * Periods (in bars) of the technical indicators, an agent's {@code rsiPeriod}, {@code macdFast}, ... parameters.
 *
 * @param rsiPeriod       RSI look-back, Wilder smoothing (defaults to 14)
 * @param macdFast        MACD fast EMA (defaults to 12)
 * @param macdSlow        MACD slow EMA (defaults to 26)
 * @param macdSignal      MACD signal-line EMA (defaults to 9)
 * @param smaFast         the fast SMA of the trend vote (defaults to 20)
 * @param smaSlow         the slow SMA of the trend vote (defaults to 50)
 * @param bollingerPeriod Bollinger band SMA period (defaults to 20)
 * @param bollingerWidth  Bollinger band width in standard deviations (defaults to 2)
 */
public record Indicators(int rsiPeriod, int macdFast, int macdSlow, int macdSignal, int smaFast, int smaSlow,
                         int bollingerPeriod, double bollingerWidth) {

    public static final Indicators DEFAULTS = new Indicators(14, 12, 26, 9, 20, 50, 20, 2.0);
}
