package io.ztrade.technical;

import java.util.Map;

/**
 * What the bars say.
 *
 * @param signal     in [-1, 1]; positive is bullish
 * @param confidence in [0, 1]; 0 when there were too few bars
 * @param indicators the indicator values behind the signal (rsi, macdHistogram, smaFast, smaSlow, percentB)
 * @param reason     why the confidence is 0, or null
 */
public record TechnicalSignal(double signal, double confidence, Map<String, Double> indicators, String reason) {
}
