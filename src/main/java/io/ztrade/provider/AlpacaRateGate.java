package io.ztrade.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gate every Alpaca call passes, trading and market data alike: Alpaca counts 200 requests a minute per
 * account, not per agent. Calls take a slot in a sliding one-minute window and wait when it is full; an HTTP 429
 * closes the gate for everyone until the {@code X-Ratelimit-Reset} second Alpaca gave. A caller that would wait
 * longer than {@code maxWait} gets {@link ProviderUnavailableException} instead, so a run fails (and is redelivered)
 * rather than holding its thread for minutes.
 */
public class AlpacaRateGate {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaRateGate.class);
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final Duration maxWait;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Deque<Instant> calls = new ArrayDeque<>();
    private Instant closedUntil = Instant.MIN;

    public AlpacaRateGate(int perMinute, Duration maxWait, Clock clock, Sleeper sleeper) {
        this.perMinute = perMinute;
        this.maxWait = maxWait;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits for a slot and takes it. */
    public void acquire(String target) {
        Duration waited = Duration.ZERO;
        while (true) {
            Duration wait = tryTake();
            if (wait.isZero()) {
                return;
            }
            if (waited.plus(wait).compareTo(maxWait) > 0) {
                throw new ProviderUnavailableException("alpaca rate limit: " + target + " would wait " + waited.plus(wait).toSeconds()
                        + " s for a slot (limit " + perMinute + " requests/min per account, shared by all agents); the run is retried later");
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderUnavailableException("interrupted while waiting for the alpaca rate limit", e);
            }
            waited = waited.plus(wait);
        }
    }

    /** Alpaca said 429: nobody calls until it resets. {@code resetEpochSeconds} null means one minute from now. */
    public synchronized void closeUntil(String resetEpochSeconds) {
        Instant now = clock.instant();
        Instant until = now.plus(WINDOW);
        if (resetEpochSeconds != null) {
            try {
                until = Instant.ofEpochSecond(Long.parseLong(resetEpochSeconds.trim()));
            } catch (NumberFormatException e) {
                LOG.warn("alpaca sent X-Ratelimit-Reset '{}', not epoch seconds; backing off one minute", resetEpochSeconds);
            }
        }
        if (until.isAfter(closedUntil)) {
            closedUntil = until;
        }
        LOG.warn("alpaca rate limit reached (HTTP 429): all Alpaca calls wait until {}", closedUntil);
    }

    /** Zero when a slot was taken, else how long to wait before trying again. */
    synchronized Duration tryTake() {
        Instant now = clock.instant();
        if (now.isBefore(closedUntil)) {
            return Duration.between(now, closedUntil);
        }
        while (!calls.isEmpty() && !calls.peekFirst().isAfter(now.minus(WINDOW))) {
            calls.pollFirst();
        }
        if (calls.size() < perMinute) {
            calls.addLast(now);
            return Duration.ZERO;
        }
        Duration wait = Duration.between(now, calls.peekFirst().plus(WINDOW));
        return wait.isZero() || wait.isNegative() ? Duration.ofMillis(1) : wait;
    }
}
