package io.ztrade.agent.steps;

import io.ztrade.agent.AgentRun;
import io.ztrade.broker.OrderRequest;

/**
 * The order intent: what a run is about to send, written durably before the order leaves, so that a crash at any
 * point (before the POST, while the broker holds the answer, before the record) leaves a trace that reconciliation
 * completes from the broker's state.
 */
public interface OrderIntents {

    /** For a broker that keeps nothing outside this JVM (a backtest's paper broker): no intent is written. */
    OrderIntents NONE = new OrderIntents() {
        @Override
        public void intend(AgentRun run, OrderRequest order) {
        }

        @Override
        public void settled(String clientOrderId) {
        }
    };

    /**
     * Returns once orders may leave at all (the start-up reconciliation has looked at the broker). Called before the
     * desk's last check, so a hold that start-up pass sets stops an order that was waiting for it.
     */
    default void awaitReady() {
    }

    /**
     * Writes the intent and returns once it is stored. Throws when it cannot be stored: then the order is not sent
     * (no order without a trace). Writing the same run's intent again (a redelivery) is a no-op.
     */
    void intend(AgentRun run, OrderRequest order);

    /** The order step of this client order id returned (with an answer or an error): its run no longer sends. */
    void settled(String clientOrderId);
}
