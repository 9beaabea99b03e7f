package io.ztrade.desk;

import io.ztrade.risk.ModeSetting;
import io.ztrade.risk.TradingHolds;
import io.ztrade.risk.TradingMode;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code desk} health component: UP with the modes that are not ACTIVE, whatever they are (a halted desk is a
 * decision, not a fault, and a load balancer must not restart the node for it); DOWN when the modes cannot be read,
 * since then nothing trades.
 */
@Component
class DeskHealthIndicator implements HealthIndicator {

    private final DeskState desk;

    DeskHealthIndicator(DeskState desk) {
        this.desk = desk;
    }

    @Override
    public Health health() {
        Map<String, ModeSetting> settings;
        try {
            settings = desk.settings();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", "desk state cannot be read: every agent is HALTED ("
                    + e.getClass().getSimpleName() + ")").build();
        }
        Map<String, String> holds = new TreeMap<>();
        settings.values().stream().filter(s -> s.mode() != TradingMode.ACTIVE && !TradingHolds.DESK.equals(s.scope()))
                .forEach(s -> holds.put(s.scope(), s.mode().name()));
        ModeSetting deskMode = settings.getOrDefault(TradingHolds.DESK, ModeSetting.active(TradingHolds.DESK));
        return Health.up().withDetail("mode", deskMode.mode().name())
                .withDetail("reason", deskMode.mode() == TradingMode.ACTIVE ? "" : deskMode.describe())
                .withDetail("agents", holds).build();
    }
}
