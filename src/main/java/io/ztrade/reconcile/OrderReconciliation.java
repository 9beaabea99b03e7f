package io.ztrade.reconcile;

import io.ztrade.broker.BrokerOrder;
import io.ztrade.broker.BrokerOrders;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Orders: every open intent and every non-final record looked up at the broker by client order id and completed with
 * the broker's state; then every Ztrade order the broker lists for the look-back compared with the record that names
 * it, or given one. Never sends, changes or cancels an order. A broker order counts as a run's only when symbol, side
 * and size match (else: a client order id collision, never that order's fill).
 */
@Component
class OrderReconciliation {

    private final JdbcOrderIntents intents;
    private final Records records;
    private final OrphanRecords orphans;
    private final BrokerOrders broker;
    private final Mismatches mismatches;
    private final ReconcileProperties properties;

    OrderReconciliation(JdbcOrderIntents intents, Records records, OrphanRecords orphans, BrokerOrders broker,
                        Mismatches mismatches, ReconcileProperties properties) {
        this.intents = intents;
        this.records = records;
        this.orphans = orphans;
        this.broker = broker;
        this.mismatches = mismatches;
        this.properties = properties;
    }

    void reconcile(ReconcileReport.Builder pass, Instant now) {
        Set<String> done = new HashSet<>();
        for (OrderIntent intent : intents.open()) {
            done.add(intent.clientOrderId());
            intent(pass, intent, now);
        }
        for (RecordRow record : records.nonFinal()) {
            if (record.clientOrderId() == null || !done.contains(record.clientOrderId())) {
                nonFinal(pass, record, now);
            }
        }
        Instant since = now.minus(properties.lookBack());
        List<BrokerOrder> listed = broker.ordersSince(since);
        pass.ordersListed = listed.size();
        // one query for the records of the look-back (a fire time can precede its order's submission by a run's length)
        Map<String, List<RecordRow>> named = records.byClientOrderIdSince(since.minus(Duration.ofDays(1)));
        for (BrokerOrder order : listed) {
            if (!order.placedByZtrade()) {
                pass.external.add(ReconcileReport.ExternalOrder.of(order));
            } else if (!intents.sending(order.clientOrderId())) {
                List<RecordRow> rows = named.get(order.clientOrderId());
                listedOrder(pass, order, rows != null ? rows : records.byClientOrderId(order.clientOrderId()), now);
            }
        }
    }

    private void intent(ReconcileReport.Builder pass, OrderIntent intent, Instant now) {
        String cid = intent.clientOrderId();
        if (intents.sending(cid)) {
            pass.waiting.add(cid + ": its run is sending it on this node");
            return;
        }
        List<RecordRow> named = records.byClientOrderId(cid);
        Optional<RecordRow> record = named.isEmpty() ? records.byRunId(intent.runId()) : Optional.of(named.get(0));
        if (record.isPresent() && record.get().orderFinal()) {
            intents.resolve(cid, "run " + record.get().runId() + " recorded " + record.get().status(), now);
            return;
        }
        Optional<BrokerOrder> order = broker.orderByClientOrderId(cid);
        if (order.isPresent() && !order.get().matches(intent.symbol(), intent.side(), intent.qty(), intent.notional())) {
            collision(pass, intent, record, order.get(), now);
        } else if (order.isPresent()) {
            String why = "reconciled " + now + ": the broker's order " + order.get().id() + " is " + order.get().status();
            if (record.isPresent()) {
                complete(pass, record.get(), order.get(), why, now);
            } else {
                orphans.fromIntent(pass, intent, order.get(), why, now, "CREATED");
            }
            if (order.get().state() != io.ztrade.broker.OrderAck.State.SUBMITTED) {
                intents.resolve(cid, why, now);
            }
        } else if (record.isPresent() && record.get().brokerOrderId() != null) {
            missing(pass, record.get(), now);
        } else if (record.isPresent() || intent.createdAt().isBefore(now.minus(properties.intentGrace()))) {
            neverReached(pass, intent, record, now);
        } else {
            pass.waiting.add(cid + ": not at the broker yet; recorded as never reached after " + properties.intentGrace());
        }
    }

    private void nonFinal(ReconcileReport.Builder pass, RecordRow record, Instant now) {
        if (record.clientOrderId() == null) {
            // cut before its order step: no intent, so no order was ever on its way
            if (intents.ofRun(record.runId()).isEmpty()) {
                records.reconciled(record.runId(), "reconciled " + now + ": no order intent, no order was sent", now);
                pass.action("NO_ORDER", record.runId(), record.agentId(), null, record.status(), "no order intent");
            }
            return;
        }
        Optional<BrokerOrder> order = broker.orderByClientOrderId(record.clientOrderId());
        if (order.isEmpty()) {
            if (record.brokerOrderId() != null) {
                missing(pass, record, now);
            } else {
                String why = "reconciled " + now + ": never reached the broker (no order " + record.clientOrderId() + ")";
                records.failed(record.runId(), record.clientOrderId(), why, now);
                pass.action("NEVER_REACHED", record.runId(), record.agentId(), record.clientOrderId(), "FAILED", why);
            }
        } else if (!record.agreesWith(order.get())) {
            listedOrder(pass, order.get(), records.byClientOrderId(record.clientOrderId()), now);
        }
    }

    /** A Ztrade order at the broker: its record completed, or created when none names it. */
    private void listedOrder(ReconcileReport.Builder pass, BrokerOrder order, List<RecordRow> named, Instant now) {
        String why = "reconciled " + now + ": the broker's order " + order.id() + " is " + order.status();
        if (named.size() > 1) {
            mismatches.found(pass, "DUPLICATE_RECORDS", List.of(named.get(0).agentId()), null, order.clientOrderId(), null,
                    null, named.size() + " records name order " + order.clientOrderId() + " (" + order.describe()
                            + "); each counts its fill: check them", false, now);
        } else if (named.size() == 1 && !named.get(0).agreesWith(order)) {
            if (named.get(0).sameOrderAs(order)) {
                complete(pass, named.get(0), order, why, now);
            } else {
                mismatches.found(pass, "COLLISION", List.of(named.get(0).agentId()), null, order.clientOrderId(), null, null,
                        "broker order " + order.id() + " under " + order.clientOrderId() + " is " + order.describe()
                                + ", not the order run " + named.get(0).runId() + " recorded", false, now);
            }
        } else if (named.isEmpty()) {
            Optional<OrderIntent> intent = intents.find(order.clientOrderId());
            if (intent.isPresent() && !order.matches(intent.get().symbol(), intent.get().side(), intent.get().qty(),
                    intent.get().notional())) {
                collision(pass, intent.get(), Optional.empty(), order, now);
            } else if (intent.isPresent()) {
                orphans.fromIntent(pass, intent.get(), order, why, now, "CREATED");
            } else {
                orphans.fromOrder(pass, order, "reconciled " + now + ": orphan, no record or intent named the broker's order "
                        + order.id() + " (" + order.status() + ")", now);
            }
        }
    }

    private void complete(ReconcileReport.Builder pass, RecordRow record, BrokerOrder order, String why, Instant now) {
        if (record.agreesWith(order) && record.reconciledAt() != null) {
            return;
        }
        records.complete(record.runId(), order, why, now);
        pass.action("COMPLETED", record.runId(), record.agentId(), order.clientOrderId(), Records.statusOf(order).name(), why);
    }

    private void neverReached(ReconcileReport.Builder pass, OrderIntent intent, Optional<RecordRow> record, Instant now) {
        String why = "reconciled " + now + ": never reached the broker (no order " + intent.clientOrderId()
                + " there); not sent now, reconciliation never sends orders";
        if (record.isPresent()) {
            records.failed(record.get().runId(), intent.clientOrderId(), why, now);
            pass.action("NEVER_REACHED", record.get().runId(), intent.agentId(), intent.clientOrderId(), "FAILED", why);
        } else {
            orphans.fromIntent(pass, intent, null, why, now, "NEVER_REACHED");
        }
        intents.resolve(intent.clientOrderId(), why, now);
    }

    private void collision(ReconcileReport.Builder pass, OrderIntent intent, Optional<RecordRow> record, BrokerOrder order,
                           Instant now) {
        String why = "client order id collision: broker order " + order.id() + " under " + intent.clientOrderId() + " is "
                + order.describe() + ", this run's order is " + intent.describe() + "; not recorded as this run's fill";
        if (record.isPresent()) {
            records.failed(record.get().runId(), intent.clientOrderId(), why, now);
            pass.action("COLLISION", record.get().runId(), intent.agentId(), intent.clientOrderId(), "FAILED", why);
        } else {
            orphans.fromIntent(pass, intent, null, why, now, "COLLISION");
        }
        intents.resolve(intent.clientOrderId(), why, now);
        mismatches.found(pass, "COLLISION", List.of(intent.agentId()), null, intent.clientOrderId(), null, null, why, false, now);
    }

    private void missing(ReconcileReport.Builder pass, RecordRow record, Instant now) {
        mismatches.found(pass, "MISSING_AT_BROKER", List.of(record.agentId()), null, record.clientOrderId(), null, null,
                "run " + record.runId() + " recorded broker order " + record.brokerOrderId() + " under "
                        + record.clientOrderId() + ", which the broker does not return", false, now);
    }
}
