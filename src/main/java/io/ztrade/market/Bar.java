package io.ztrade.market;

import java.time.Instant;

/** One OHLCV bar, as Alpaca's bars API gives it ({@code t,o,h,l,c,v}). */
public record Bar(Instant t, double o, double h, double l, double c, double v) {
}
