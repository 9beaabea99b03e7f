package io.ztrade.backtest;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The circuit breaker a replay's risk step runs in (the template's {@code tradingBreaker}) instead of the live trading
 * API's {@code alpacaTradingBreaker}. A replay's risk reads its paper broker: sharing the live breaker let a backtest's
 * thousands of successful calls dilute the failure rate of a real Alpaca outage, and an open live breaker failed every
 * replayed trade. This one records no exception, so it never opens; outside the providers' registry, so it is neither
 * monitored nor alerted on.
 */
@Configuration(proxyBeanMethods = false)
class ReplayCircuitBreakers {

    static final String TRADING = "replayTradingBreaker";

    @Bean(TRADING)
    CircuitBreaker replayTradingBreaker() {
        return CircuitBreaker.of("replay-trading", CircuitBreakerConfig.custom()
                .recordException(e -> false)
                .writableStackTraceEnabled(false)
                .build());
    }
}
