package io.ztrade.risk;

import io.ztrade.broker.Account;
import io.ztrade.broker.Broker;
import io.ztrade.broker.OrderSide;
import io.ztrade.broker.Position;
import io.ztrade.decision.TradeAction;
import io.ztrade.market.MarketCalendar;
import io.ztrade.risk.protection.Protections;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The {@code risk} step: sizes the order the decision asked for (a buy by {@code orderNotional}, a sell by
 * the quantity that much money buys, never more than the position unless shorts are allowed) and runs
 * every {@link RiskRule} and every protection ({@link Protections}) on it. The desk's mode for the agent comes first:
 * HALTED (the kill switch, a hold) blocks the run before any broker call; REDUCE_ONLY lets only an order through that
 * shrinks the open position, sized so it never flips it.
 */
@Component("riskRulesValidator")
public class RiskValidator {

    private final List<RiskRule> rules;
    private final DeskModes desk;
    private final Broker broker;
    private final OrdersPlaced orders;
    private final Protections protections;

    /** Without protections (benchmarks, tests of the rules alone). */
    public RiskValidator(List<RiskRule> rules, DeskModes desk, Broker broker, OrdersPlaced orders) {
        this(rules, desk, broker, orders, Protections.NONE);
    }

    @Autowired
    public RiskValidator(List<RiskRule> rules, DeskModes desk, Broker broker, OrdersPlaced orders,
                         Protections protections) {
        this.rules = List.copyOf(rules);
        this.desk = desk;
        this.broker = broker;
        this.orders = orders;
        this.protections = protections;
    }

    /**
     * The verdict on the order the decision asked for.
     *
     * @param runId the run (a protection's trip names it)
     * @param at    the run's fire time: "today" for maxOrdersPerDay and the protections
     * @param price the run's market price, which sizes the order
     */
    public RiskVerdict validate(RiskLimits agent, String runId, Instant at, TradeAction action, double price) {
        OrderSide side = action == TradeAction.BUY ? OrderSide.BUY : OrderSide.SELL;
        EffectiveMode mode = desk.effective(agent.agentId());
        if (mode.mode() == TradingMode.HALTED) {
            return new RiskVerdict(RiskVerdict.Outcome.KILL_SWITCH, List.of("no order: " + mode.describe()), side, null, null);
        }
        Account account = broker.account();
        Optional<Position> position = broker.position(agent.symbol());
        int ordersToday = orders.ordersSince(agent.agentId(),
                at.atZone(MarketCalendar.NEW_YORK).toLocalDate().atStartOfDay(MarketCalendar.NEW_YORK).toInstant());
        RiskCheck sized = size(agent, price, side, account, position, ordersToday);
        Optional<RiskCheck> reducing = mode.mode() == TradingMode.REDUCE_ONLY ? ReduceOnly.resize(sized) : Optional.of(sized);
        if (reducing.isEmpty()) {
            return new RiskVerdict(RiskVerdict.Outcome.REJECTED, List.of(ReduceOnly.refusal(sized, mode)), side, sized.qty(),
                    sized.notional());
        }
        RiskCheck check = reducing.get();
        List<String> reasons = new ArrayList<>();
        rules.stream().map(rule -> rule.violation(check)).flatMap(Optional::stream).forEach(reasons::add);
        // the agent's and the desk's drawdown, daily loss and losing-streak limits, over the records
        reasons.addAll(protections.check(agent, runId, at, price, side));
        RiskVerdict.Outcome outcome = reasons.isEmpty() ? RiskVerdict.Outcome.APPROVED : RiskVerdict.Outcome.REJECTED;
        return new RiskVerdict(outcome, reasons, side, check.qty(), check.notional());
    }

    static RiskCheck size(RiskLimits agent, double price, OrderSide side, Account account, Optional<Position> position,
                          int ordersToday) {
        BigDecimal priceDecimal = BigDecimal.valueOf(price);
        if (side == OrderSide.BUY) {
            BigDecimal notional = agent.orderNotional().setScale(2, RoundingMode.DOWN);
            return new RiskCheck(agent, side, null, notional, notional, price, account, position, ordersToday);
        }
        BigDecimal qty = agent.orderNotional().divide(priceDecimal, 6, RoundingMode.DOWN);
        BigDecimal held = position.map(Position::qty).orElse(BigDecimal.ZERO);
        if (held.signum() > 0 && held.compareTo(qty) < 0) {
            qty = held;
        }
        BigDecimal value = qty.multiply(priceDecimal).setScale(2, RoundingMode.HALF_UP);
        return new RiskCheck(agent, side, qty, null, value, price, account, position, ordersToday);
    }
}
