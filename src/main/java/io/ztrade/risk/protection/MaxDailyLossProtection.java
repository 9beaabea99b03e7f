package io.ztrade.risk.protection;

import static io.ztrade.risk.protection.ProtectionCheck.dollars;

import io.ztrade.desk.TradingHolds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maximum daily loss, in dollars: trips when the P&L (realized + unrealized at the run's price) is more than the limit
 * below what it was when the New York day began (open positions marked then at the last price a run recorded before
 * midnight). After a trip the day's loss counts from the trip on, so an operator who lifts the hold the same day
 * gives the agent (or desk) one more limit, not an instant second trip.
 */
final class MaxDailyLossProtection implements Protection {

    private final String name;
    private final boolean desk;
    private final String limitName;
    private final Function<ProtectionCheck, BigDecimal> limit;

    private MaxDailyLossProtection(String name, boolean desk, String limitName, Function<ProtectionCheck, BigDecimal> limit) {
        this.name = name;
        this.desk = desk;
        this.limitName = limitName;
        this.limit = limit;
    }

    /** The agent's own {@code maxDailyLoss} (0 = off). */
    static MaxDailyLossProtection agent() {
        return new MaxDailyLossProtection("max-daily-loss", false, "maxDailyLoss", c -> c.agent().protections().maxDailyLoss());
    }

    /** Every agent's P&L together against {@code ztrade.protections.desk.max-daily-loss} (0 = off). */
    static MaxDailyLossProtection desk(DeskProtectionProperties properties) {
        return new MaxDailyLossProtection("desk-max-daily-loss", true, "ztrade.protections.desk.max-daily-loss",
                c -> properties.maxDailyLoss());
    }

    @Override
    public Optional<Trip> evaluate(ProtectionCheck c) {
        BigDecimal max = limit.apply(c);
        if (max.signum() == 0) {
            return Optional.empty();
        }
        String scope = desk ? TradingHolds.DESK : c.agentId();
        Instant dayStart = c.dayStart();
        Optional<ProtectionTrips.Recorded> tripToday = c.lastTrip(scope, name).filter(t -> !t.at().isBefore(dayStart));
        BigDecimal start = tripToday.isPresent() ? tripToday.get().pnl() : PnlMeasures.atDayStart(desk, c);
        BigDecimal now = PnlMeasures.now(c.curve(desk, c.at()), c);
        BigDecimal loss = start.subtract(now);
        if (loss.compareTo(max) <= 0) {
            return Optional.empty();
        }
        String who = desk ? "the desk (all agents)" : "agent " + c.agentId();
        String since = tripToday.isPresent() ? "since the last trip at " + tripToday.get().at() : "today";
        String reason = "protection " + name + ": " + who + " lost " + dollars(loss) + " " + since + " (P&L "
                + dollars(start) + " to " + dollars(now) + "), limit " + limitName + " " + dollars(max) + "; "
                + (desk ? "the desk" : "the agent") + " is halted until an operator lifts the hold";
        return Optional.of(new Trip(scope, name, c.at(), tripToday.map(ProtectionTrips.Recorded::at).orElse(dayStart),
                now, reason, true));
    }
}
