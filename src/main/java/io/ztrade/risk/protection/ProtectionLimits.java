package io.ztrade.risk.protection;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The agent's protections (this package), checked before each order; 0 turns one off.
 *
 * @param maxDrawdown         dollars the agent's P&L (realized + unrealized) may fall below its peak before the
 *                            agent is halted (defaults to 0, off)
 * @param maxDailyLoss        dollars the agent may lose in one New York day before it is halted (defaults to 0, off)
 * @param cooldownAfterLosses closing trades lost in a row after which the agent opens no position for
 *                            {@code cooldownPeriod} (defaults to 0, off)
 * @param cooldownPeriod      how long that cooldown lasts (defaults to 60 minutes)
 */
public record ProtectionLimits(BigDecimal maxDrawdown, BigDecimal maxDailyLoss, int cooldownAfterLosses,
                               Duration cooldownPeriod) {

    public static final ProtectionLimits OFF = new ProtectionLimits(BigDecimal.ZERO, BigDecimal.ZERO, 0, Duration.ofMinutes(60));
}
