package io.ztrade.risk;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import io.ztrade.broker.Account;
import io.ztrade.broker.Broker;
import io.ztrade.broker.OrderSide;
import io.ztrade.broker.Position;
import io.ztrade.decision.TradeAction;
import io.ztrade.desk.DeskModes;
import io.ztrade.desk.EffectiveMode;
import io.ztrade.desk.TradingMode;
import io.ztrade.market.MarketCalendar;
import io.ztrade.records.PerformanceStore;
import io.ztrade.risk.protection.Protections;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
@Component
public class RiskValidator {

    private final List<RiskRule> rules;
    private final DeskModes desk;
    private final Broker broker;
    private final PerformanceStore performance;
    private final Protections protections;

    /** Without protections (benchmarks, tests of the rules alone). */
    public RiskValidator(List<RiskRule> rules, DeskModes desk, Broker broker, PerformanceStore performance) {
        this(rules, desk, broker, performance, Protections.NONE);
    }

    @Autowired
    public RiskValidator(List<RiskRule> rules, DeskModes desk, Broker broker, PerformanceStore performance,
                         Protections protections) {
        this.rules = List.copyOf(rules);
        this.desk = desk;
        this.broker = broker;
        this.performance = performance;
        this.protections = protections;
    }

    public AgentRun apply(AgentRun run) {
        OrderSide side = run.decision().action() == TradeAction.BUY ? OrderSide.BUY : OrderSide.SELL;
        EffectiveMode mode = desk.effective(run.agentId());
        if (mode.mode() == TradingMode.HALTED) {
            return run.withRisk(new RiskVerdict(RiskVerdict.Outcome.KILL_SWITCH,
                    List.of("no order: " + mode.describe()), side, null, null));
        }
        AgentSettings agent = run.agent();
        Account account = broker.account();
        Optional<Position> position = broker.position(agent.symbol());
        int ordersToday = performance.ordersSince(agent.agentId(),
                run.scheduledAt().atZone(MarketCalendar.NEW_YORK).toLocalDate().atStartOfDay(MarketCalendar.NEW_YORK).toInstant());
        RiskCheck sized = size(run, side, account, position, ordersToday);
        Optional<RiskCheck> reducing = mode.mode() == TradingMode.REDUCE_ONLY ? ReduceOnly.resize(sized) : Optional.of(sized);
        if (reducing.isEmpty()) {
            return run.withRisk(new RiskVerdict(RiskVerdict.Outcome.REJECTED,
                    List.of(ReduceOnly.refusal(sized, mode)), side, sized.qty(), sized.notional()));
        }
        RiskCheck check = reducing.get();
        List<String> reasons = new ArrayList<>();
        rules.stream().map(rule -> rule.violation(check)).flatMap(Optional::stream).forEach(reasons::add);
        // the agent's and the desk's drawdown, daily loss and losing-streak limits, over the records
        reasons.addAll(protections.check(run, side));
        RiskVerdict.Outcome outcome = reasons.isEmpty() ? RiskVerdict.Outcome.APPROVED : RiskVerdict.Outcome.REJECTED;
        return run.withRisk(new RiskVerdict(outcome, reasons, side, check.qty(), check.notional()));
    }

    static RiskCheck size(AgentRun run, OrderSide side, Account account, Optional<Position> position, int ordersToday) {
        AgentSettings agent = run.agent();
        double price = run.market().price();
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
