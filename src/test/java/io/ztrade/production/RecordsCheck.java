package io.ztrade.production;

import io.ztrade.production.StatefulAlpacaStub.Order;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares table agent_runs of a test database with the orders of an {@link StatefulAlpacaStub}, as issue 12 wants them
 * after a reconciliation: every broker order named by exactly one record with the broker's state and fill, no client
 * order id POSTed twice, no record claiming an order the broker does not have, and the agent's position at the broker
 * equal to the sum of its FILLED records. Reads only the columns of that contract.
 */
final class RecordsCheck {

    private final StatefulAlpacaStub broker;
    private final String database;
    private final String agentId;
    private final String symbol;

    RecordsCheck(StatefulAlpacaStub broker, String database, String agentId, String symbol) {
        this.broker = broker;
        this.database = database;
        this.agentId = agentId;
        this.symbol = symbol;
    }

    /** The note's figures: orphans (broker orders no record names) and duplicates (records, POSTs). */
    String tally() throws SQLException {
        Map<String, Long> named = rows().stream().filter(row -> row.clientOrderId() != null)
                .collect(Collectors.groupingBy(Row::clientOrderId, Collectors.counting()));
        List<Order> orders = broker.orders();
        long orphans = orders.stream().filter(order -> !named.containsKey(order.clientOrderId())).count();
        long duplicateRecords = named.values().stream().filter(count -> count > 1).count();
        long duplicatePosts = broker.postsPerClientOrderId().values().stream().filter(posts -> posts > 1).count();
        return orders.size() + " broker orders, " + named.size() + " client order ids recorded, orphans " + orphans
                + ", ids with duplicate records " + duplicateRecords + ", ids POSTed twice " + duplicatePosts;
    }

    /** What keeps the records from agreeing with the broker; empty once reconciled. */
    List<String> problems(String victim, boolean victimAtBroker) throws SQLException {
        List<String> problems = new ArrayList<>();
        List<Order> orders = broker.orders();
        List<Row> rows = rows();
        Map<String, List<Row>> byId = rows.stream().filter(row -> row.clientOrderId() != null)
                .collect(Collectors.groupingBy(Row::clientOrderId));
        Set<String> atBroker = orders.stream().map(Order::clientOrderId).collect(Collectors.toSet());
        if (atBroker.contains(victim) != victimAtBroker) {
            problems.add("order " + victim + (victimAtBroker ? " missing at" : " reached") + " the broker");
        }
        for (Order order : orders) {
            List<Row> named = byId.getOrDefault(order.clientOrderId(), List.of());
            if (named.size() != 1) {
                problems.add((named.isEmpty() ? "orphan" : "duplicate") + ": broker order " + order.clientOrderId()
                        + " (" + order.status() + ") named by " + named.size() + " records");
            } else if (!named.get(0).matches(order, agentId)) {
                problems.add("record " + named.get(0) + " is not the broker's " + describe(order));
            }
        }
        byId.forEach((clientOrderId, named) -> {
            if (named.size() > 1 && !atBroker.contains(clientOrderId)) {
                problems.add("duplicate: " + named.size() + " records of client order id " + clientOrderId);
            }
            named.stream().filter(row -> !atBroker.contains(clientOrderId) && row.claimsAnOrder())
                    .forEach(row -> problems.add("record " + row + " claims an order the broker does not have"));
        });
        broker.postsPerClientOrderId().forEach((clientOrderId, posts) -> {
            if (posts > 1) {
                problems.add("client order id " + clientOrderId + " POSTed " + posts + " times");
            }
        });
        BigDecimal recorded = rows.stream().filter(row -> agentId.equals(row.agentId()) && "FILLED".equals(row.status()))
                .map(Row::signedFill).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal held = broker.position(symbol);
        if (held.compareTo(recorded) != 0) {
            problems.add("position: broker holds " + held.toPlainString() + " " + symbol + ", FILLED records sum to "
                    + recorded.toPlainString());
        }
        return problems;
    }

    /** The problems, then everything at the broker and in agent_runs, for a failure message. */
    String report(String victim, boolean victimAtBroker) throws SQLException {
        StringBuilder report = new StringBuilder("order " + victim + ": " + tally() + "\nproblems:\n");
        problems(victim, victimAtBroker).forEach(problem -> report.append("  - ").append(problem).append('\n'));
        report.append("broker orders:\n");
        broker.orders().forEach(order -> report.append("  ").append(describe(order)).append('\n'));
        report.append("records (agent_runs):\n");
        rows().forEach(row -> report.append("  ").append(row).append('\n'));
        return report.append("POSTs per client order id: ").append(broker.postsPerClientOrderId()).toString();
    }

    static String describe(Order order) {
        return order.clientOrderId() + " " + order.side() + " " + order.symbol() + " " + order.status()
                + (order.filledQty() == null ? "" : " " + order.filledQty().toPlainString() + " @ "
                + order.filledAvgPrice().toPlainString());
    }

    /** One agent_runs row, as far as the broker's contract goes. */
    record Row(String runId, String agentId, String clientOrderId, String status, String orderStatus, String side,
               BigDecimal fillQty, BigDecimal fillPrice) {

        /** The broker's state: its status, and for a filled order FILLED with the broker's quantity and price. */
        boolean matches(Order order, String agent) {
            return agent.equals(agentId) && order.status().equalsIgnoreCase(orderStatus)
                    && (!"filled".equals(order.status()) || "FILLED".equals(status) && same(fillQty, order.filledQty())
                    && same(fillPrice, order.filledAvgPrice()));
        }

        /** A row that says an order is at the broker, pending or filled, or that its run never ended. */
        boolean claimsAnOrder() {
            return Set.of("FILLED", "ORDER_SUBMITTED", "RUNNING").contains(status)
                    || (fillQty != null && fillQty.signum() != 0);
        }

        BigDecimal signedFill() {
            BigDecimal qty = fillQty == null ? BigDecimal.ZERO : fillQty;
            return "sell".equalsIgnoreCase(side) ? qty.negate() : qty;
        }

        private static boolean same(BigDecimal a, BigDecimal b) {
            return a != null && b != null && a.compareTo(b) == 0;
        }

        @Override
        public String toString() {
            return runId + " " + agentId + " " + clientOrderId + " " + status + " order_status=" + orderStatus
                    + " fill " + (fillQty == null ? "-" : fillQty.toPlainString()) + " @ "
                    + (fillPrice == null ? "-" : fillPrice.toPlainString());
        }
    }

    List<Row> rows() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = ProductionServices.connect(database); Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT run_id, agent_id, client_order_id, status, order_status,"
                     + " order_side, fill_qty, fill_price FROM agent_runs ORDER BY started_at")) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8)));
            }
        } catch (SQLException e) {
            // agent_runs appears with the first node's Flyway; before that there is no record at all
            if (!"42P01".equals(e.getSQLState())) {
                throw e;
            }
        }
        return rows;
    }

}
