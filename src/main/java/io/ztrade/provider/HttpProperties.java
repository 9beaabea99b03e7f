package io.ztrade.provider;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Timeouts of every call to a provider (Alpaca, Alpha Vantage, Reddit, CoinGecko, the simulator), {@code ztrade.http.*}.
 * A call that times out is an outage: it counts against the provider's circuit breaker and the step is redelivered.
 *
 * @param connectTimeoutMs  how long to wait for the connection, in milliseconds (defaults to 5000)
 * @param responseTimeoutMs how long to wait for the answer once connected, in milliseconds (defaults to 15000)
 */
@Validated
@ConfigurationProperties("ztrade.http")
public record HttpProperties(@DefaultValue("5000") @Min(1) long connectTimeoutMs,
                             @DefaultValue("15000") @Min(1) long responseTimeoutMs) {
}
