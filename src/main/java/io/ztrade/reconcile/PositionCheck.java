package io.ztrade.reconcile;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentSettings;
import io.ztrade.broker.BrokerOrders;
import io.ztrade.broker.Position;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Positions: per symbol, the broker's position against the net of the records' fills (plus differences an operator
 * acknowledged). A symbol with an order still on its way (an intent not settled) is left for the next pass, as its
 * fill may be in one and not yet in the other. A symbol no agent and no record trades is someone else's: listed only.
 */
@Component
class PositionCheck {

    private static final BigDecimal ATOM = new BigDecimal("0.000000001");

    private final BrokerOrders broker;
    private final Records records;
    private final JdbcOrderIntents intents;
    private final ReconcileIssues issues;
    private final Mismatches mismatches;
    private final AgentCatalog catalog;
    private final ReconcileProperties properties;

    PositionCheck(BrokerOrders broker, Records records, JdbcOrderIntents intents, ReconcileIssues issues,
                  Mismatches mismatches, AgentCatalog catalog, ReconcileProperties properties) {
        this.broker = broker;
        this.records = records;
        this.intents = intents;
        this.issues = issues;
        this.mismatches = mismatches;
        this.catalog = catalog;
        this.properties = properties;
    }

    void compare(ReconcileReport.Builder pass, Instant now) {
        Map<String, BigDecimal> held = new HashMap<>();
        for (Position position : broker.positions()) {
            held.merge(Records.key(position.symbol()), position.qty(), BigDecimal::add);
        }
        // read after the positions: an order intended before them and not settled may be in them
        Set<String> inFlight = new HashSet<>();
        intents.openSymbols().forEach(s -> inFlight.add(Records.key(s)));
        Map<String, BigDecimal> recorded = records.netFills();
        Map<String, BigDecimal> offsets = new HashMap<>();
        issues.acknowledgedOffsets().forEach((symbol, offset) -> offsets.merge(Records.key(symbol), offset, BigDecimal::add));
        Map<String, Set<String>> agents = agentsBySymbol();
        Set<String> symbols = new TreeSet<>(held.keySet());
        symbols.addAll(recorded.keySet());
        for (String symbol : symbols) {
            if (!agents.containsKey(symbol)) {
                pass.waiting.add(symbol + ": position " + held.getOrDefault(symbol, BigDecimal.ZERO).toPlainString()
                        + " is no agent's (not compared)");
                continue;
            }
            if (inFlight.contains(symbol)) {
                pass.waiting.add(symbol + ": an order is on its way (compared next pass)");
                continue;
            }
            pass.positionsCompared++;
            BigDecimal atBroker = held.getOrDefault(symbol, BigDecimal.ZERO);
            BigDecimal expected = recorded.getOrDefault(symbol, BigDecimal.ZERO).add(offsets.getOrDefault(symbol, BigDecimal.ZERO));
            if (!agree(atBroker, expected)) {
                List<String> concerned = new ArrayList<>(agents.get(symbol));
                mismatches.found(pass, "POSITION", concerned, symbol, null, atBroker, expected,
                        "position mismatch in " + symbol + ": the broker holds " + atBroker.toPlainString()
                                + ", the records' fills add up to " + expected.toPlainString() + " (agents "
                                + String.join(", ", concerned) + ")", true, now);
            }
        }
    }

    private boolean agree(BigDecimal atBroker, BigDecimal expected) {
        BigDecimal difference = atBroker.subtract(expected).abs();
        BigDecimal scale = atBroker.abs().max(expected.abs());
        return difference.compareTo(ATOM) <= 0
                || difference.compareTo(scale.multiply(properties.positionTolerance(), MathContext.DECIMAL64)) <= 0;
    }

    /** Per symbol key, the agents trading it: the catalog's and those whose records filled in it. */
    /**
     * One symbol held at the broker or in the records: the broker's position (qty, average entry, market value) beside
     * the net of the records' fills, and the agents that trade it.
     */
    record Holding(String symbol, List<String> agents, BigDecimal brokerQty, BigDecimal avgEntryPrice,
                   BigDecimal marketValue, BigDecimal recordsQty) {
    }

    /** Every symbol held at the broker or by the records' fills, as the broker and the records have it now. */
    List<Holding> holdings() {
        Map<String, Position> held = new HashMap<>();
        for (Position position : broker.positions()) {
            held.put(Records.key(position.symbol()), position);
        }
        Map<String, BigDecimal> recorded = records.netFills();
        Map<String, Set<String>> agents = agentsBySymbol();
        Set<String> symbols = new TreeSet<>(held.keySet());
        recorded.forEach((symbol, qty) -> {
            if (qty.signum() != 0) {
                symbols.add(symbol);
            }
        });
        List<Holding> holdings = new ArrayList<>();
        for (String symbol : symbols) {
            Position position = held.get(symbol);
            holdings.add(new Holding(position != null ? position.symbol() : symbol,
                    List.copyOf(agents.getOrDefault(symbol, Set.of())),
                    position == null ? BigDecimal.ZERO : position.qty(), position == null ? null : position.avgEntryPrice(),
                    position == null ? null : position.marketValue(), recorded.getOrDefault(symbol, BigDecimal.ZERO)));
        }
        return holdings;
    }

    private Map<String, Set<String>> agentsBySymbol() {
        Map<String, Set<String>> agents = new HashMap<>();
        for (AgentSettings agent : catalog.all()) {
            agents.computeIfAbsent(Records.key(agent.symbol()), k -> new TreeSet<>()).add(agent.agentId());
        }
        records.agentsBySymbol().forEach((symbol, ids) -> agents.computeIfAbsent(symbol, k -> new TreeSet<>()).addAll(ids));
        return agents;
    }
}
