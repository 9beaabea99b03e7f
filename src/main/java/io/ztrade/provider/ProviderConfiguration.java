package io.ztrade.provider;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Sleeper sleeper() {
        return Sleeper.REAL;
    }

    /** One gate for the whole app: the 200 requests a minute are the account's, shared by every agent. */
    @Bean
    AlpacaRateGate alpacaRateGate(AlpacaProperties properties, Sleeper sleeper) {
        return new AlpacaRateGate(properties.requestsPerMinute(), Duration.ofSeconds(90), Clock.systemUTC(), sleeper);
    }

    @Bean
    AlpacaClient alpacaClient(ProviderHttp http, AlpacaProperties properties, AlpacaRateGate gate) {
        return new AlpacaClient(http, properties, gate);
    }

    /** The provider cache of the embedded default; production may supply another implementation (Redis). */
    @Bean
    @ConditionalOnMissingBean
    ProviderCache providerCache() {
        return new InMemoryProviderCache();
    }
}
