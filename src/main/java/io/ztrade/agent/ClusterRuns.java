package io.ztrade.agent;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the other nodes of a clustered scheduler do with an agent's job, so a run now answers for the whole cluster
 * ({@link RunNow}). Only the clustered Quartz job store has one (io.ztrade.production); with Quartz in memory this
 * node is the cluster, and {@link InFlightRuns} already knows everything.
 */
public interface ClusterRuns {

    /**
     * An agent's run under way on another node, or fired on any node and not started yet.
     *
     * @param runId       the run's id when the trigger carries it (a run now's, a start-up run's); null for a
     *                    scheduled run, whose id only its node knows until its record is written
     * @param node        the Quartz instance id of the node running it; null while it waits (any node may take it)
     * @param scheduledAt the fire time it runs for
     */
    record Elsewhere(String runId, String node, boolean started, Instant scheduledAt) {
    }

    /** The agent's run going on on another node, else one waiting to start anywhere, else empty. */
    Optional<Elsewhere> of(String agentId);

    /**
     * Runs the action while no other node (nor thread) runs one for the same agent, so a check of {@link #of} and the
     * firing that follows are one step for the cluster.
     */
    <T> T exclusively(String agentId, Supplier<T> action);

    /** This node's name in the cluster (its Quartz instance id). */
    String node();
}
