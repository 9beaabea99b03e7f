package io.ztrade.risk.protection;

import io.ztrade.broker.OrderSide;
import io.ztrade.market.MarketCalendar;
import io.ztrade.risk.RiskLimits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the protections look at for one run: the order it proposes, its price, and the records read once and only
 * when a protection that is on asks for them.
 */
public final class ProtectionCheck {

    private final RiskLimits agent;
    private final Instant at;
    private final double price;
    private final OrderSide side;
    private final TradeHistory history;
    private final ProtectionTrips trips;
    private List<Fill> agentFills;
    private List<Fill> deskFills;
    private final Map<String, PnlCurve> curves = new HashMap<>();

    /**
     * @param at    the run's fire time
     * @param price the run's market price
     */
    public ProtectionCheck(RiskLimits agent, Instant at, double price, OrderSide side, TradeHistory history,
                           ProtectionTrips trips) {
        this.agent = agent;
        this.at = at;
        this.price = price;
        this.side = side;
        this.history = history;
        this.trips = trips;
    }

    public RiskLimits agent() {
        return agent;
    }

    public String agentId() {
        return agent.agentId();
    }

    public OrderSide side() {
        return side;
    }

    /** The run's fire time: the records up to it count, and its New York day is "today". */
    public Instant at() {
        return at;
    }

    /** The run's market price, at which the open position is marked. */
    public BigDecimal price() {
        return BigDecimal.valueOf(price);
    }

    public Instant dayStart() {
        return at().atZone(MarketCalendar.NEW_YORK).toLocalDate().atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
    }

    public TradeHistory history() {
        return history;
    }

    public Optional<ProtectionTrips.Recorded> lastTrip(String scope, String protection) {
        return trips.last(scope, protection);
    }

    /** The agent's (or, with {@code desk}, every agent's) P&L curve up to {@code until}, built once per check. */
    public PnlCurve curve(boolean desk, Instant until) {
        return curves.computeIfAbsent(desk + "@" + until, k -> desk
                ? history.curve(null, until, this::deskFills)
                : history.curve(agentId(), until, this::agentFills));
    }

    public List<Fill> agentFills() {
        if (agentFills == null) {
            agentFills = history.fills(agentId());
        }
        return agentFills;
    }

    public List<Fill> deskFills() {
        if (deskFills == null) {
            deskFills = history.fills(null);
        }
        return deskFills;
    }

    /** Dollars as a trader reads them: $1,234.50, -$12.00. */
    public static String dollars(BigDecimal amount) {
        NumberFormat f = NumberFormat.getCurrencyInstance(Locale.US);
        return f.format(amount.setScale(2, RoundingMode.HALF_UP));
    }
}
