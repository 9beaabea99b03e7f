package io.ztrade.backtest;

import java.time.Instant;

/** Lets tests and benchmarks outside the package drive a {@link ReplayClock}. */
public final class ReplayClockAccess {

    private final ReplayClock clock = new ReplayClock();

    public ReplayClock clock() {
        return clock;
    }

    public void set(Instant at) {
        clock.set(at);
    }
}
