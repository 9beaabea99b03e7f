package io.ztrade.portfolio;

import io.ztrade.agent.PlainText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The portfolio for people ({@code bin/ztrade portfolio}): the desk's figures on two lines, then one row per agent and
 * the broker's other holdings, money to the cent and P&L signed. A figure the broker has never given is "-".
 */
final class PortfolioText {

    private PortfolioText() {
    }

    static String of(PortfolioView view) {
        StringBuilder out = new StringBuilder();
        PortfolioView.BrokerState broker = view.broker();
        if (broker.reachable()) {
            out.append("broker read ").append(PlainText.time(broker.readAt())).append(" New York time\n");
        } else {
            out.append("BROKER UNREACHABLE since ").append(PlainText.time(broker.unreachableSince()))
                    .append(broker.readAt() == null ? ", no read yet" : "; figures of the last good read, "
                            + PlainText.time(broker.readAt()))
                    .append(": ").append(PlainText.cut(broker.error(), 200)).append('\n');
        }
        PortfolioView.Desk desk = view.desk();
        out.append(PlainText.fields(List.of(
                List.of("desk equity", money(desk.equity()), "today", signed(desk.todayPnl()),
                        "unrealized", signed(desk.unrealizedPnl()), "realized", signed(desk.realizedPnl())),
                List.of("cash", money(desk.cash()), "buying power", money(desk.buyingPower()),
                        "open orders", String.valueOf(desk.openOrders()), "fills today", String.valueOf(desk.fillsToday())))));
        out.append('\n');
        List<List<String>> rows = new ArrayList<>();
        for (PortfolioView.AgentPosition agent : view.agents()) {
            rows.add(List.of(agent.agentId(), agent.symbol(), quantity(agent.qty())
                            + (agent.recordedQty() != null && agent.qty() != null
                               && agent.qty().compareTo(agent.recordedQty()) != 0 ? " (records " + quantity(agent.recordedQty()) + ")" : ""),
                    money(agent.avgEntryPrice()), money(agent.currentPrice()), money(agent.marketValue()),
                    signed(agent.unrealizedPnl()), signed(agent.realizedPnl()), signed(agent.todayPnl()),
                    agent.ordersToday() + "/" + agent.maxOrdersPerDay(),
                    agent.sharesSymbolWith().isEmpty() ? "" : "shares " + agent.symbol() + " with " + String.join(",", agent.sharesSymbolWith())));
        }
        out.append(rows.isEmpty() ? "no agents\n" : PlainText.table(List.of("AGENT", "SYMBOL", "QTY", "AVG ENTRY", "PRICE",
                "VALUE", "UNREALIZED", "REALIZED", "TODAY", "ORDERS TODAY", ""), rows));
        if (!view.others().isEmpty()) {
            out.append("\nheld at the broker, traded by no agent (never touched):\n").append(PlainText.table(
                    List.of("SYMBOL", "QTY", "AVG ENTRY", "PRICE", "VALUE", "UNREALIZED"),
                    view.others().stream().map(h -> List.of(h.symbol(), quantity(h.qty()), money(h.avgEntryPrice()),
                            money(h.currentPrice()), money(h.marketValue()), signed(h.unrealizedPnl()))).toList()));
        }
        return out.toString();
    }

    /** Dollars to the cent, "-" when unknown. */
    static String money(BigDecimal value) {
        return value == null ? "-" : value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A P&L to the cent with its sign (+0.00 when flat). */
    static String signed(BigDecimal value) {
        return value == null ? "-" : (value.signum() < 0 ? "" : "+") + money(value);
    }

    static String quantity(BigDecimal value) {
        return value == null ? "-" : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
