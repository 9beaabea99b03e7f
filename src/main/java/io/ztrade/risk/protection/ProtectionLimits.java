package io.ztrade.risk.protection;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The agent's protections (this package), checked before each order; 0 turns one off.
 *
 * @param maxDrawdown         dollars the agent's P&L (realized + unrealized) may fall below its peak before the
 *                            agent is halted
 * @param maxDailyLoss        dollars the agent may lose in one New York day before it is halted
 * @param cooldownAfterLosses closing trades lost in a row after which the agent opens no position for
 *                            {@code cooldownPeriod}
 * @param cooldownPeriod      how long that cooldown lasts
 */
public record ProtectionLimits(BigDecimal maxDrawdown, BigDecimal maxDailyLoss, int cooldownAfterLosses,
                               Duration cooldownPeriod) {
}
