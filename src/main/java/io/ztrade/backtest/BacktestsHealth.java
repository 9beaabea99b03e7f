package io.ztrade.backtest;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code backtests}: how many replay, wait, and the slots there are. Busy
 * backtests are not a failure of trading (a probe must not take a trading node out of service for them), so it
 * stays UP and says {@code saturated: true} when a new backtest would get 429.
 */
@Component("backtestsHealthIndicator")
class BacktestsHealth implements HealthIndicator {

    private final Backtests backtests;

    BacktestsHealth(Backtests backtests) {
        this.backtests = backtests;
    }

    @Override
    public Health health() {
        Backtests.Load load = backtests.load();
        return Health.up().withDetail("running", load.running()).withDetail("queued", load.queued())
                .withDetail("capacity", load.maxRunning()).withDetail("queueCapacity", load.maxQueued())
                .withDetail("saturated", load.saturated()).build();
    }
}
