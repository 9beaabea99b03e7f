package io.ztrade.broker;

import java.math.BigDecimal;

/** An open position; negative qty is short. Flat is no position at all. */
public record Position(String symbol, BigDecimal qty, BigDecimal marketValue, BigDecimal avgEntryPrice) {
}
