package io.ztrade.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlpacaRateGateTest {

    /** A clock the fake sleeper moves forward, so waits are measured, never slept. */
    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T15:00:00Z"));
    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper sleeper = d -> {
        waits.add(d);
        clock.advance(d);
    };

    @Test
    void letsTheLimitThroughWithinAMinuteThenWaitsForTheOldestSlot() {
        AlpacaRateGate gate = new AlpacaRateGate(3, Duration.ofMinutes(2), clock, sleeper);
        gate.acquire("t");
        clock.advance(Duration.ofSeconds(10));
        gate.acquire("t");
        gate.acquire("t");
        assertThat(waits).isEmpty();

        gate.acquire("t");
        assertThat(waits).containsExactly(Duration.ofSeconds(50));
    }

    @Test
    void a429ClosesTheGateForEveryoneUntilTheResetSecond() {
        AlpacaRateGate gate = new AlpacaRateGate(200, Duration.ofMinutes(2), clock, sleeper);
        gate.closeUntil(String.valueOf(clock.instant().plusSeconds(42).getEpochSecond()));
        gate.acquire("agent one");
        gate.acquire("agent two");
        assertThat(waits).containsExactly(Duration.ofSeconds(42));
    }

    @Test
    void anUnreadableResetHeaderBacksOffOneMinute() {
        AlpacaRateGate gate = new AlpacaRateGate(200, Duration.ofMinutes(2), clock, sleeper);
        gate.closeUntil("soon");
        gate.acquire("t");
        assertThat(waits).containsExactly(Duration.ofMinutes(1));
    }

    @Test
    void failsRatherThanWaitLongerThanItsMaximum() {
        AlpacaRateGate gate = new AlpacaRateGate(200, Duration.ofSeconds(30), clock, sleeper);
        gate.closeUntil(String.valueOf(clock.instant().plusSeconds(31).getEpochSecond()));
        assertThatThrownBy(() -> gate.acquire("paper-api/v2/orders"))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("alpaca rate limit").hasMessageContaining("shared by all agents");
        assertThat(waits).isEmpty();
    }
}
