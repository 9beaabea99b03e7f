package io.ztrade.provider;

import java.time.Duration;

/** Waiting, behind a seam so tests run the real back-off and polling code without real waits. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis());
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
