package io.ztrade.risk.protection;

import io.ztrade.market.MarketCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Cooldown after a losing streak, like Freqtrade's StoplossGuard: once {@code cooldownAfterLosses} closing trades in a
 * row lost money, the agent opens or grows no position for {@code cooldownPeriod} after the last of them; an order
 * that only shrinks the open position still goes. The lock expires on its own, needs no operator and starts a new
 * count: the streak that caused it is not counted again. A closing trade that did not lose ends a streak.
 */
final class LosingStreakCooldown implements Protection {

    static final String NAME = "cooldown";
    private static final DateTimeFormatter NEW_YORK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(MarketCalendar.NEW_YORK);

    @Override
    public Optional<Trip> evaluate(ProtectionCheck c) {
        ProtectionLimits limits = c.agent().protections();
        if (limits.cooldownAfterLosses() == 0) {
            return Optional.empty();
        }
        PnlCurve curve = c.curve(false, c.at());
        Instant lockStart = null;
        int streak = 0;
        for (PnlCurve.Step step : curve.steps()) {
            if (!step.closing()) {
                continue;
            }
            streak = step.realized().signum() < 0 ? streak + 1 : 0;
            if (streak == limits.cooldownAfterLosses()) {
                lockStart = step.fill().at();
                streak = 0;
            }
        }
        if (lockStart == null) {
            return Optional.empty();
        }
        Instant until = lockStart.plus(limits.cooldownPeriod());
        if (!c.at().isBefore(until) || curve.book(c.agentId()).reducedBy(c.side())) {
            return Optional.empty();
        }
        String reason = "protection " + NAME + ": agent " + c.agentId() + " lost " + limits.cooldownAfterLosses()
                + " closing trades in a row, the last at " + NEW_YORK_TIME.format(lockStart) + " New York; no new position until "
                + NEW_YORK_TIME.format(until) + " (cooldownAfterLosses=" + limits.cooldownAfterLosses() + ", cooldownPeriod="
                + format(limits.cooldownPeriod()) + ")";
        return Optional.of(new Trip(c.agentId(), NAME, c.at(), lockStart, null, reason, false));
    }

    private static String format(Duration d) {
        return d.toSeconds() % 3600 == 0 ? d.toHours() + "h" : d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }
}
