package io.ztrade.risk.protection;

import static io.ztrade.risk.protection.ProtectionCheck.dollars;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Maximum daily loss, in dollars: trips when the P&L (realized + unrealized at the run's price) is more than the limit
 * below what it was when the New York day began (open positions marked then at the last price a run recorded before
 * midnight). After a trip the day's loss counts from the trip on, so an operator who lifts the hold the same day
 * gives the agent (or desk) one more limit, not an instant second trip.
 */
final class MaxDailyLossProtection implements Protection {

    private final DollarLimit limit;

    private MaxDailyLossProtection(DollarLimit limit) {
        this.limit = limit;
    }

    /** The agent's own {@code maxDailyLoss} (0 = off). */
    static MaxDailyLossProtection agent() {
        return new MaxDailyLossProtection(new DollarLimit("max-daily-loss", false, "maxDailyLoss",
                c -> c.agent().protections().maxDailyLoss()));
    }

    /** Every agent's P&L together against {@code ztrade.protections.desk.max-daily-loss} (0 = off). */
    static MaxDailyLossProtection desk(DeskProtectionProperties properties) {
        return new MaxDailyLossProtection(new DollarLimit("desk-max-daily-loss", true, "ztrade.protections.desk.max-daily-loss",
                c -> properties.maxDailyLoss()));
    }

    @Override
    public Optional<Trip> evaluate(ProtectionCheck c) {
        BigDecimal max = limit.of(c);
        if (max.signum() == 0) {
            return Optional.empty();
        }
        String scope = limit.scope(c);
        Instant dayStart = c.dayStart();
        Optional<ProtectionTrips.Recorded> tripToday = c.lastTrip(scope, limit.name()).filter(t -> !t.at().isBefore(dayStart));
        BigDecimal start = tripToday.isPresent() ? tripToday.get().pnl() : PnlMeasures.atDayStart(limit.desk(), c);
        BigDecimal now = PnlMeasures.now(c.curve(limit.desk(), c.at()), c);
        BigDecimal loss = start.subtract(now);
        if (loss.compareTo(max) <= 0) {
            return Optional.empty();
        }
        String who = limit.desk() ? "the desk (all agents)" : "agent " + c.agentId();
        String since = tripToday.isPresent() ? "since the last trip at " + tripToday.get().at() : "today";
        String reason = "protection " + limit.name() + ": " + who + " lost " + dollars(loss) + " " + since + " (P&L "
                + dollars(start) + " to " + dollars(now) + "), limit " + limit.setting() + " " + dollars(max) + "; "
                + limit.halted() + " is halted until an operator lifts the hold";
        return Optional.of(new Trip(scope, limit.name(), c.at(), tripToday.map(ProtectionTrips.Recorded::at).orElse(dayStart),
                now, reason, true));
    }
}
