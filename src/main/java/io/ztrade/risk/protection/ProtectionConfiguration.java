package io.ztrade.risk.protection;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live protections: one bean per protection, over the records database; what a trip does is the desk's ({@code TripListener}). */
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

    @Bean
    Protections protections(List<Protection> protections, JdbcTradeHistory history, JdbcProtectionTrips trips,
                            TripListener liveTrips) {
        return new Protections(protections, history, trips, liveTrips);
    }
}
