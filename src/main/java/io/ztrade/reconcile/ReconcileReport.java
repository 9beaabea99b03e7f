package io.ztrade.reconcile;

import io.ztrade.broker.BrokerOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one reconciliation pass did.
 *
 * @param trigger  {@code startup}, {@code schedule}, {@code api}, {@code jmx}
 * @param node     the node that ran it (or, when skipped, that held the lease)
 * @param actions  every record completed or created, every intent settled, and why
 * @param external orders without Ztrade's prefix: listed, never touched
 * @param waiting  intents and symbols left for a later pass, and why
 * @param issues   issues this pass raised (new ones; the open ones are {@code GET /api/reconcile/issues})
 */
public record ReconcileReport(String trigger, String node, Instant startedAt, Instant finishedAt, Outcome outcome,
                              String error, List<Action> actions, List<ExternalOrder> external, List<String> waiting,
                              List<ReconcileIssue> issues, int ordersListed, int positionsCompared) {

    public enum Outcome {
        /** The records agree with the broker, or were made to (see actions and issues). */
        RECONCILED,
        /** Another node holds the lease and is reconciling. */
        SKIPPED,
        /** The broker or the database could not be read; nothing is known to be reconciled. */
        FAILED
    }

    /**
     * One change.
     *
     * @param kind {@code COMPLETED} (a record got the broker's state, e.g. a late fill), {@code CREATED} (a record made
     *             from an intent or, {@code ORPHAN}, from the broker's order alone), {@code NEVER_REACHED},
     *             {@code COLLISION}, {@code NO_ORDER} (an interrupted run that never ordered), {@code SETTLED}
     *             (an intent whose run recorded the broker's final answer itself)
     */
    public record Action(String kind, String runId, String agentId, String clientOrderId, String status, String why) {
    }

    public record ExternalOrder(String id, String clientOrderId, String symbol, String side, BigDecimal qty,
                                BigDecimal notional, String status, Instant submittedAt) {
        static ExternalOrder of(BrokerOrder order) {
            return new ExternalOrder(order.id(), order.clientOrderId(), order.symbol(), order.side(), order.qty(),
                    order.notional(), order.status(), order.submittedAt());
        }
    }

    public Duration took() {
        return Duration.between(startedAt, finishedAt);
    }

    /** Mutable while the pass runs. */
    static final class Builder {
        final String trigger;
        final String node;
        final Instant startedAt;
        final List<Action> actions = new ArrayList<>();
        final List<ExternalOrder> external = new ArrayList<>();
        final List<String> waiting = new ArrayList<>();
        final List<ReconcileIssue> issues = new ArrayList<>();
        int ordersListed;
        int positionsCompared;

        Builder(String trigger, String node, Instant startedAt) {
            this.trigger = trigger;
            this.node = node;
            this.startedAt = startedAt;
        }

        void action(String kind, String runId, String agentId, String clientOrderId, String status, String why) {
            actions.add(new Action(kind, runId, agentId, clientOrderId, status, why));
        }

        ReconcileReport build(Outcome outcome, String error, Instant at) {
            return new ReconcileReport(trigger, node, startedAt, at, outcome, error, List.copyOf(actions),
                    List.copyOf(external), List.copyOf(waiting), List.copyOf(issues), ordersListed, positionsCompared);
        }
    }
}
