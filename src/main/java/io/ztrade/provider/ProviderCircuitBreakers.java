package io.ztrade.provider;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One resilience4j circuit breaker per external provider, shared by every agent: when Alpaca or a news API is down,
 * runs stop calling it at once (market data and orders: the run is recorded FAILED without redeliveries; sentiment:
 * the run goes on degraded) instead of each run holding a thread through timeouts and retries. The routes use them
 * through Camel's {@code circuitBreaker} EIP by bean name; the sentiment combiner by provider name.
 */
@Configuration(proxyBeanMethods = false)
public class ProviderCircuitBreakers {

    /** The breakers' own names (metrics, alerts, errors). */
    public static final String ALPACA_TRADING = "alpaca-trading";
    public static final String ALPACA_DATA = "alpaca-data";

    /** Their bean names, which the routes' {@code circuitBreaker} EIPs name (routes/agent-template.yaml spells the first). */
    public static final String ALPACA_TRADING_BREAKER = "alpacaTradingBreaker";
    public static final String ALPACA_DATA_BREAKER = "alpacaDataBreaker";

    @Bean
    CircuitBreakerRegistry providerCircuitBreakerRegistry(ResilienceProperties properties) {
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumCalls())
                .waitDurationInOpenState(properties.waitInOpen())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordExceptions(ProviderUnavailableException.class)
                .writableStackTraceEnabled(false)
                .build());
    }

    /** Orders, account, positions (the broker and risk steps). */
    @Bean(ALPACA_TRADING_BREAKER)
    CircuitBreaker alpacaTradingBreaker(CircuitBreakerRegistry registry) {
        return registry.circuitBreaker(ALPACA_TRADING);
    }

    /** Quotes and bars (the market data step, with its CoinGecko fallback inside). */
    @Bean(ALPACA_DATA_BREAKER)
    CircuitBreaker alpacaDataBreaker(CircuitBreakerRegistry registry) {
        return registry.circuitBreaker(ALPACA_DATA);
    }
}
