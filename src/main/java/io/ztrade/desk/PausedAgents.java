package io.ztrade.desk;

import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The stored pauses as the scheduled fires' veto reads them: one read of {@code agent_pauses} serves every fire until
 * a pause or resume is stored on this node, or for at most {@link #FRESH} (a pause stored by another node). One query
 * per fire was a tenth of the CPU of a minute's fires at 2,000 agents, all of them at the same second
 * (docs/benchmarks.md); the trigger of a paused agent is paused anyway, the veto only covers the start-up window and
 * a node whose Quartz is in memory.
 */
final class PausedAgents {

    /** How old a read may be: a pause stored by another node is seen by this node's fires at most this late. */
    static final Duration FRESH = Duration.ofSeconds(1);

    private record Read(Set<String> paused, long writes, long at) {
    }

    private final DeskStateStore store;
    private final LongSupplier nanoTime;
    private volatile Read last;

    PausedAgents(DeskStateStore store) {
        this(store, System::nanoTime);
    }

    PausedAgents(DeskStateStore store, LongSupplier nanoTime) {
        this.store = store;
        this.nanoTime = nanoTime;
    }

    /** Whether the agent's pause is stored; throws what the store throws when it cannot be read. */
    boolean paused(String agentId) {
        Read read = last;
        long now = nanoTime.getAsLong();
        long writes = store.pauseWrites();
        if (read == null || read.writes() != writes || now - read.at() >= FRESH.toNanos()) {
            // the write count from before the read: a pause stored meanwhile makes the next fire read again
            read = new Read(Set.copyOf(store.pausedAgents().keySet()), writes, now);
            last = read;
        }
        return read.paused().contains(agentId);
    }
}
