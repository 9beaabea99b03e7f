package io.ztrade.backtest;

import java.time.Instant;

/** A backtest's simulated time: the fire time of the run being replayed. One per backtest, set before each run. */
public final class ReplayClock {

    private volatile Instant now = Instant.EPOCH;

    public Instant now() {
        return now;
    }

    void set(Instant at) {
        now = at;
    }
}
