package io.ztrade.desk;

import io.ztrade.alert.Alerts;
import io.ztrade.risk.TradingHolds;
import io.ztrade.risk.TradingMode;
import io.ztrade.risk.protection.TripListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What a live protection's trip does to the desk: the risk stage reports it, the desk holds or alerts. */
@Configuration(proxyBeanMethods = false)
class ProtectionHolds {

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
}
