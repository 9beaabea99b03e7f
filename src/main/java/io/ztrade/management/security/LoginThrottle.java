package io.ztrade.management.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Counts failed logins per user name and per client address, and says how long the next attempt must wait:
 * after the free attempts, the first back-off, doubled with each further failure up to the maximum. A success
 * clears both counters. Both maps are Caffeine caches bounded in size and in time, so names or addresses sprayed by
 * an attacker are dropped rather than kept.
 */
public class LoginThrottle {

    /** One counter: failures so far and when the next attempt may come. */
    record Failures(int count, Instant lockedUntil) {
    }

    private final LoginThrottleProperties properties;
    private final Clock clock;
    private final Cache<String, Failures> byUser;
    private final Cache<String, Failures> byAddress;

    public LoginThrottle(LoginThrottleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.byUser = cache(properties, clock);
        this.byAddress = cache(properties, clock);
    }

    private static Cache<String, Failures> cache(LoginThrottleProperties properties, Clock clock) {
        return Caffeine.newBuilder().maximumSize(properties.maxTracked()).expireAfterWrite(properties.forgetAfter())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    /** How long this user or this address must still wait; empty when an attempt may be checked now. */
    public Optional<Duration> waitFor(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(byUser, userKey(username)), lockedUntil(byAddress, address));
        return until != null && until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Records a failure; returns the wait it imposes on the next attempt (zero while attempts are free). */
    public Duration failed(String username, String address) {
        Instant now = clock.instant();
        Failures user = byUser.asMap().compute(userKey(username),
                (key, old) -> next(old, properties.freeAttempts(), now));
        Failures from = address == null ? null
                : byAddress.asMap().compute(address, (key, old) -> next(old, properties.addressFreeAttempts(), now));
        Instant until = later(user.lockedUntil(), from == null ? null : from.lockedUntil());
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** A correct password: this user's and this address's counters start again. */
    public void succeeded(String username, String address) {
        byUser.invalidate(userKey(username));
        if (address != null) {
            byAddress.invalidate(address);
        }
    }

    int failures(String username) {
        Failures failures = byUser.getIfPresent(userKey(username));
        return failures == null ? 0 : failures.count();
    }

    /** How many names and addresses are tracked now (after pending evictions). */
    long tracked() {
        byUser.cleanUp();
        byAddress.cleanUp();
        return byUser.estimatedSize() + byAddress.estimatedSize();
    }

    private Failures next(Failures old, int free, Instant now) {
        int count = old == null ? 1 : old.count() + 1;
        if (count <= free) {
            return new Failures(count, now);
        }
        int doublings = Math.min(count - free - 1, 30);
        Duration backoff = properties.firstBackoff().multipliedBy(1L << doublings);
        if (backoff.compareTo(properties.maxBackoff()) > 0) {
            backoff = properties.maxBackoff();
        }
        return new Failures(count, now.plus(backoff));
    }

    private static Instant lockedUntil(Cache<String, Failures> cache, String key) {
        Failures failures = key == null ? null : cache.getIfPresent(key);
        return failures == null ? null : failures.lockedUntil();
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    // the user store ignores case in names, so "Admin" and "admin" are one user and share one counter
    private static String userKey(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
