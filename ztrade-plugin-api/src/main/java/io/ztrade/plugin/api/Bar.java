package io.ztrade.plugin.api;

import java.time.Instant;

/**
 * One OHLCV bar of the agent's {@code barTimeframe}.
 *
 * @param start  when the bar opened
 * @param volume shares or coins traded in the bar
 */
public record Bar(Instant start, double open, double high, double low, double close, double volume) {
}
