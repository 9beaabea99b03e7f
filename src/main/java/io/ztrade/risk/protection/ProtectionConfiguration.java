package io.ztrade.risk.protection;

import io.ztrade.alert.Alerts;
import io.ztrade.desk.TradingHolds;
import io.ztrade.desk.TradingMode;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live protections: one bean per protection, over the records database, holding through {@link TradingHolds}. */
@Configuration(proxyBeanMethods = false)
class ProtectionConfiguration {

    @Bean
    Protection agentMaxDrawdown() {
        return MaxDrawdownProtection.agent();
    }

    @Bean
    Protection agentMaxDailyLoss() {
        return MaxDailyLossProtection.agent();
    }

    @Bean
    Protection losingStreakCooldown() {
        return new LosingStreakCooldown();
    }

    @Bean
    Protection deskMaxDrawdown(DeskProtectionProperties properties) {
        return MaxDrawdownProtection.desk(properties);
    }

    @Bean
    Protection deskMaxDailyLoss(DeskProtectionProperties properties) {
        return MaxDailyLossProtection.desk(properties);
    }

    /** Drawdown and daily loss hold the agent or desk (the hold alerts); a cooldown, which expires, only alerts. */
    @Bean
    TripListener liveTrips(TradingHolds holds, Alerts alerts) {
        return trip -> {
            if (trip.holds()) {
                holds.hold(trip.scope(), TradingMode.HALTED, trip.reason(), "protection:" + trip.protection());
            } else {
                alerts.raise("protection-" + trip.protection(), "Ztrade: " + trip.scope() + " in " + trip.protection(),
                        trip.reason());
            }
        };
    }

    @Bean
    Protections protections(List<Protection> protections, JdbcTradeHistory history, JdbcProtectionTrips trips,
                            TripListener liveTrips) {
        return new Protections(protections, history, trips, liveTrips);
    }
}
