package io.ztrade.management.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Back-off after failed logins ({@code ztrade.security.login.*}), counted per user name and per client address
 * ({@code request.getRemoteAddr()}: behind a reverse proxy set {@code server.forward-headers-strategy} so that is the
 * client's address, not the proxy's; X-Forwarded-For is never read otherwise).
 *
 * @param freeAttempts        failures of one user allowed before the back-off starts (defaults to 5)
 * @param addressFreeAttempts failures from one address allowed before its back-off starts (defaults to 20: several
 *                            users may share one address)
 * @param firstBackoff        the wait after the first failure past the free ones; each further failure doubles it
 *                            (defaults to 1 second)
 * @param maxBackoff          the longest wait (defaults to 15 minutes)
 * @param forgetAfter         a counter without a failure for this long is dropped (defaults to 1 hour)
 * @param maxTracked          at most this many user names and as many addresses are tracked; the least used are
 *                            dropped first, so spraying names or addresses cannot grow memory (defaults to 10,000)
 */
@ConfigurationProperties("ztrade.security.login")
public record LoginThrottleProperties(@DefaultValue("5") int freeAttempts,
                                      @DefaultValue("20") int addressFreeAttempts,
                                      @DefaultValue("1s") Duration firstBackoff,
                                      @DefaultValue("15m") Duration maxBackoff,
                                      @DefaultValue("1h") Duration forgetAfter,
                                      @DefaultValue("10000") int maxTracked) {

    public LoginThrottleProperties {
        if (freeAttempts < 1 || addressFreeAttempts < 1 || maxTracked < 1) {
            throw new IllegalArgumentException("ztrade.security.login.free-attempts, address-free-attempts and max-tracked"
                    + " must be at least 1, got " + freeAttempts + ", " + addressFreeAttempts + " and " + maxTracked);
        }
        if (firstBackoff.isNegative() || firstBackoff.isZero() || maxBackoff.compareTo(firstBackoff) < 0 || forgetAfter.compareTo(maxBackoff) < 0) {
            throw new IllegalArgumentException("ztrade.security.login needs 0 < first-backoff <= max-backoff <= forget-after,"
                    + " got " + firstBackoff + ", " + maxBackoff + " and " + forgetAfter);
        }
    }
}
