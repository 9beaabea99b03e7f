package io.ztrade.risk.protection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The P&L figures the drawdown and daily loss protections share, for one agent's fills or the desk's. */
final class PnlMeasures {

    private PnlMeasures() {
    }

    /** P&L now: the run's agent marked at the run's price, every other open agent at its latest recorded price. */
    static BigDecimal now(PnlCurve curve, ProtectionCheck c) {
        return curve.pnl(marks(curve, c, c.at(), c.price()));
    }

    /** P&L when the New York day began: the fills before it, each open agent marked at its last price before it. */
    static BigDecimal atDayStart(boolean desk, ProtectionCheck c) {
        Instant dayStart = c.dayStart();
        PnlCurve before = c.curve(desk, dayStart.minusNanos(1));
        return before.pnl(marks(before, c, dayStart, null));
    }

    /**
     * The highest P&L since the window began: its starting P&L (zero before any fill, else the last trip's), after
     * every fill since, at the best price the runs recorded since the agent's last fill (an open position's gain it
     * gave back; only with {@code runPrices}, one agent), and now.
     */
    static BigDecimal peak(PnlCurve curve, Optional<ProtectionTrips.Recorded> trip, BigDecimal now, ProtectionCheck c,
                           boolean runPrices) {
        Instant since = trip.map(ProtectionTrips.Recorded::at).orElse(Instant.EPOCH);
        BigDecimal peak = trip.map(ProtectionTrips.Recorded::pnl).orElse(BigDecimal.ZERO).max(now);
        for (PnlCurve.Step step : curve.steps()) {
            if (step.fill().at().isAfter(since)) {
                peak = peak.max(step.pnl());
            }
        }
        Optional<PnlCurve.Step> last = curve.last();
        AverageCostBook book = curve.book(c.agentId());
        if (runPrices && last.isPresent() && book.qty().signum() != 0) {
            Instant from = last.get().fill().at().isAfter(since) ? last.get().fill().at() : since;
            Optional<TradeHistory.PriceRange> range = c.history().priceRange(c.agentId(), from, c.at());
            if (range.isPresent()) {
                BigDecimal best = book.qty().signum() > 0 ? range.get().high() : range.get().low();
                peak = peak.max(curve.pnl(Map.of(c.agentId(), best)));
            }
        }
        return peak;
    }

    private static Map<String, BigDecimal> marks(PnlCurve curve, ProtectionCheck c, Instant before, BigDecimal runPrice) {
        Map<String, BigDecimal> marks = new HashMap<>();
        for (String agent : curve.openAgents()) {
            if (runPrice != null && agent.equals(c.agentId())) {
                marks.put(agent, runPrice);
            } else {
                c.history().lastPrice(agent, before).ifPresent(p -> marks.put(agent, p));
            }
        }
        return marks;
    }
}
