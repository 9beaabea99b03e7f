package io.ztrade.risk.protection;

import static io.ztrade.risk.protection.ProtectionCheck.dollars;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Maximum drawdown, in dollars: trips when the P&L (realized + unrealized at the run's price) is more than the limit
 * below its peak. The peak is measured from the last trip on (so an operator who lifts the hold gives the agent, or
 * the desk, a fresh window), starting at zero before the first fill. Like LEAN's MaximumDrawdownPercentPortfolio,
 * in dollars because an agent has no capital of its own to take a percentage of.
 */
final class MaxDrawdownProtection implements Protection {

    private final DollarLimit limit;

    private MaxDrawdownProtection(DollarLimit limit) {
        this.limit = limit;
    }

    /** The agent's own {@code maxDrawdown} (0 = off). */
    static MaxDrawdownProtection agent() {
        return new MaxDrawdownProtection(new DollarLimit("max-drawdown", false, "maxDrawdown",
                c -> c.agent().protections().maxDrawdown()));
    }

    /** Every agent's P&L together against {@code ztrade.protections.desk.max-drawdown} (0 = off). */
    static MaxDrawdownProtection desk(DeskProtectionProperties properties) {
        return new MaxDrawdownProtection(new DollarLimit("desk-max-drawdown", true, "ztrade.protections.desk.max-drawdown",
                c -> properties.maxDrawdown()));
    }

    @Override
    public Optional<Trip> evaluate(ProtectionCheck c) {
        BigDecimal max = limit.of(c);
        if (max.signum() == 0) {
            return Optional.empty();
        }
        String scope = limit.scope(c);
        PnlCurve curve = c.curve(limit.desk(), c.at());
        Optional<ProtectionTrips.Recorded> trip = c.lastTrip(scope, limit.name());
        BigDecimal now = PnlMeasures.now(curve, c);
        BigDecimal peak = PnlMeasures.peak(curve, trip, now, c, !limit.desk());
        BigDecimal drawdown = peak.subtract(now);
        if (drawdown.compareTo(max) <= 0) {
            return Optional.empty();
        }
        String who = limit.desk() ? "the desk's P&L (all agents)" : "agent " + c.agentId() + "'s P&L";
        String reason = "protection " + limit.name() + ": " + who + " is " + dollars(drawdown) + " below its peak (" + dollars(peak)
                + " to " + dollars(now) + "), limit " + limit.setting() + " " + dollars(max) + "; "
                + limit.halted() + " is halted until an operator lifts the hold";
        return Optional.of(new Trip(scope, limit.name(), c.at(), trip.map(ProtectionTrips.Recorded::at).orElse(java.time.Instant.EPOCH),
                now, reason, true));
    }
}
