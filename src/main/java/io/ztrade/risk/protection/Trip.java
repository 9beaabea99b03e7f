package io.ztrade.risk.protection;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A protection that tripped on a run.
 *
 * @param scope       an agent id, or {@link io.ztrade.risk.TradingHolds#DESK}
 * @param protection  its name, e.g. {@code max-drawdown}
 * @param at          the run's fire time
 * @param windowStart where the measure that tripped began (the day, the last trip, the losing streak's lock): one
 *                    trip per scope, protection and window is recorded, held and alerted, however many runs see it
 * @param pnl         the P&L (dollars) when it tripped, where the next window starts from; null for a cooldown
 * @param reason      the run's rejection reason, the hold's and the alert's text
 * @param holds       true: put the scope on hold (drawdown, daily loss); false: a cooldown that expires on its own
 */
public record Trip(String scope, String protection, Instant at, Instant windowStart, BigDecimal pnl, String reason,
                   boolean holds) {
}
