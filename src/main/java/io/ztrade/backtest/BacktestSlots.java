package io.ztrade.backtest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Admission: at most {@code max-running + max-queued} backtests running or queued, {@code max-per-user} of them
 * one user's; a slot is taken before a spec is checked and given back when its job ends (or is refused).
 */
public final class BacktestSlots {

    /** Every slot is taken: the API answers 429 with {@code Retry-After}. */
    public static final class BusyException extends RuntimeException {
        private final Duration retryAfter;

        BusyException(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private final BacktestProperties limits;
    /** Backtests running or queued, and those of each user; guarded by {@code this}. */
    private int active;
    private final Map<String, Integer> activeByOwner = new HashMap<>();

    BacktestSlots(BacktestProperties limits) {
        this.limits = limits;
    }

    synchronized void reserve(String owner) {
        int mine = activeByOwner.getOrDefault(owner, 0);
        if (mine >= limits.maxPerUser()) {
            throw new BusyException(owner + " has " + mine + " backtests running or queued, ztrade.backtest.max-per-user ("
                    + limits.maxPerUser() + "); wait for one to finish", limits.retryAfter());
        }
        if (active >= limits.maxRunning() + limits.maxQueued()) {
            throw new BusyException("all " + active + " backtest slots are taken (ztrade.backtest.max-running "
                    + limits.maxRunning() + " + max-queued " + limits.maxQueued() + "); retry later", limits.retryAfter());
        }
        active++;
        activeByOwner.merge(owner, 1, Integer::sum);
    }

    synchronized void release(String owner) {
        active--;
        activeByOwner.computeIfPresent(owner, (k, n) -> n > 1 ? n - 1 : null);
    }
}
