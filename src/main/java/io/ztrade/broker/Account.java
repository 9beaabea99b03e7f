package io.ztrade.broker;

import java.math.BigDecimal;

/** The parts of Alpaca's account that risk reads; money in dollars. */
public record Account(BigDecimal cash, BigDecimal equity, BigDecimal buyingPower, boolean tradingBlocked,
                      boolean accountBlocked) {
}
