package io.ztrade.portfolio;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The portfolio's Prometheus gauges ({@code /actuator/prometheus}), from the last view built (a scrape never calls the
 * broker): {@code ztrade_desk_equity_dollars}, {@code ztrade_desk_cash_dollars}, {@code ztrade_desk_buying_power_dollars},
 * {@code ztrade_desk_today_pnl_dollars}, {@code ztrade_desk_unrealized_pnl_dollars}, {@code ztrade_desk_realized_pnl_dollars},
 * {@code ztrade_broker_reachable} (1 or 0), and per agent {@code ztrade_agent_position_qty{agent,symbol}},
 * {@code ztrade_agent_market_value_dollars}, {@code ztrade_agent_unrealized_pnl_dollars},
 * {@code ztrade_agent_realized_pnl_dollars}, {@code ztrade_agent_today_pnl_dollars}, {@code ztrade_agent_orders_today}.
 * A figure not known (no good read yet) is absent (NaN).
 */
class PortfolioMetrics {

    private final List<Agentwise> agentGauges = new ArrayList<>();

    private record Agentwise(MultiGauge gauge, Function<PortfolioView.AgentPosition, Number> value) {
    }

    PortfolioMetrics(MeterRegistry registry, Portfolios portfolios) {
        desk(registry, portfolios, "ztrade_desk_equity_dollars", "the account's equity", PortfolioView.Desk::equity);
        desk(registry, portfolios, "ztrade_desk_cash_dollars", "the account's cash", PortfolioView.Desk::cash);
        desk(registry, portfolios, "ztrade_desk_buying_power_dollars", "the account's buying power", PortfolioView.Desk::buyingPower);
        desk(registry, portfolios, "ztrade_desk_today_pnl_dollars", "equity less the previous close's", PortfolioView.Desk::todayPnl);
        desk(registry, portfolios, "ztrade_desk_unrealized_pnl_dollars", "the open positions' P&L", PortfolioView.Desk::unrealizedPnl);
        desk(registry, portfolios, "ztrade_desk_realized_pnl_dollars", "the agents' closed trades' P&L", PortfolioView.Desk::realizedPnl);
        Gauge.builder("ztrade_broker_reachable", portfolios, p -> p.lastView().map(v -> v.broker().reachable() ? 1.0 : 0.0)
                        .orElse(Double.NaN))
                .description("1 when the last read of the broker's books succeeded, 0 when it failed").register(registry);
        agent(registry, "ztrade_agent_position_qty", "the broker's position in the agent's symbol", PortfolioView.AgentPosition::qty);
        agent(registry, "ztrade_agent_market_value_dollars", "the position's market value", PortfolioView.AgentPosition::marketValue);
        agent(registry, "ztrade_agent_unrealized_pnl_dollars", "the open position's P&L", PortfolioView.AgentPosition::unrealizedPnl);
        agent(registry, "ztrade_agent_realized_pnl_dollars", "the agent's closed trades' P&L", PortfolioView.AgentPosition::realizedPnl);
        agent(registry, "ztrade_agent_today_pnl_dollars", "the agent's P&L since the New York day began", PortfolioView.AgentPosition::todayPnl);
        agentGauges.add(new Agentwise(MultiGauge.builder("ztrade_agent_orders_today")
                .description("orders today, counted against maxOrdersPerDay").register(registry), a -> a.ordersToday()));
    }

    private static void desk(MeterRegistry registry, Portfolios portfolios, String name, String description,
                             Function<PortfolioView.Desk, BigDecimal> figure) {
        Gauge.builder(name, portfolios, p -> number(p.lastView().map(PortfolioView::desk).map(figure)))
                .description(description).baseUnit("dollars").register(registry);
    }

    private void agent(MeterRegistry registry, String name, String description,
                       Function<PortfolioView.AgentPosition, BigDecimal> figure) {
        agentGauges.add(new Agentwise(MultiGauge.builder(name).description(description).register(registry), figure::apply));
    }

    private static double number(Optional<BigDecimal> value) {
        return value.map(BigDecimal::doubleValue).orElse(Double.NaN);
    }

    /** The agents' gauges after a view is built: one row per agent in it (a removed agent's row goes). */
    void update(PortfolioView view) {
        for (Agentwise g : agentGauges) {
            g.gauge().register(view.agents().stream().map(a -> MultiGauge.Row.of(
                    Tags.of("agent", a.agentId(), "symbol", a.symbol()),
                    Optional.ofNullable(g.value().apply(a)).map(Number::doubleValue).orElse(Double.NaN))).toList(), true);
        }
    }
}
