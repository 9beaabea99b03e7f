package io.ztrade.management.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand: no waiting for a back-off to pass. */

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final LoginThrottleProperties properties =
            new LoginThrottleProperties(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1), 10_000);
    private final LoginThrottle throttle = new LoginThrottle(properties, clock);

    @Test
    void theBackoffStartsAfterTheFreeAttemptsAndDoublesUpToTheMaximum() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.failed("alice", "203.0.113.1")).isZero();
            assertThat(throttle.waitFor("alice", "203.0.113.1")).isEmpty();
        }
        assertThat(throttle.failed("alice", "203.0.113.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("alice", "198.51.100.9")).as("per user, from any address").contains(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("ALICE", "198.51.100.9")).as("names ignore case").contains(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("bob", "203.0.113.1")).as("the address has 15 more free attempts").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("alice", "203.0.113.1")).isEmpty();
        assertThat(throttle.failed("alice", "203.0.113.1")).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        assertThat(throttle.failed("alice", "203.0.113.1")).isEqualTo(Duration.ofSeconds(4));
        for (int i = 0; i < 40; i++) {
            clock.advance(Duration.ofHours(1).minusSeconds(1));
            throttle.failed("alice", "203.0.113.1");
        }
        assertThat(throttle.waitFor("alice", "203.0.113.1")).contains(Duration.ofMinutes(15));
    }

    @Test
    void aSuccessAfterTheBackoffStartsTheCountAgain() {
        for (int i = 0; i < 7; i++) {
            throttle.failed("alice", "203.0.113.1");
        }
        assertThat(throttle.waitFor("alice", "203.0.113.1")).isPresent();
        clock.advance(Duration.ofSeconds(2));
        throttle.succeeded("alice", "203.0.113.1");
        assertThat(throttle.failures("alice")).isZero();
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.failed("alice", "203.0.113.1")).isZero();
        }
    }

    @Test
    void sprayingNamesFromOneAddressThrottlesThatAddress() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.failed("user" + i, "203.0.113.7")).isZero();
        }
        assertThat(throttle.failed("user20", "203.0.113.7")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("someone-else", "203.0.113.7")).isPresent();
        assertThat(throttle.waitFor("someone-else", "203.0.113.8")).isEmpty();
    }

    @Test
    void memoryStaysBoundedWhateverAnAttackerSprays() {
        LoginThrottle small = new LoginThrottle(
                new LoginThrottleProperties(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1), 100), clock);
        for (int i = 0; i < 50_000; i++) {
            small.failed("user-" + i, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(small.tracked()).isLessThanOrEqualTo(200);
    }

    @Test
    void countersAreForgottenAfterAQuietPeriod() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("alice", "203.0.113.1");
        }
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(throttle.failures("alice")).isZero();
    }

    @Test
    void nonsenseSettingsAreRefusedWithTheNamesToFix() {
        assertThatThrownBy(() -> new LoginThrottleProperties(0, 20, Duration.ofSeconds(1), Duration.ofMinutes(15),
                Duration.ofHours(1), 10)).hasMessageContaining("free-attempts");
        assertThatThrownBy(() -> new LoginThrottleProperties(5, 20, Duration.ofMinutes(20), Duration.ofMinutes(15),
                Duration.ofHours(1), 10)).hasMessageContaining("first-backoff <= max-backoff");
    }
}
