package io.ztrade.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The circuit breaker every external provider has (one each, shared by all agents). Only outages count as failures
 * ({@link ProviderUnavailableException}: timeouts, refused connections, 5xx, 429); bad data does not open a breaker.
 *
 * @param failureRateThreshold percent of failed calls in the window that opens the breaker (defaults to 50)
 * @param slidingWindowSize    calls the failure rate is measured over (defaults to 10)
 * @param minimumCalls         calls needed before the rate counts (defaults to 5)
 * @param waitInOpen           how long an open breaker refuses calls at once before letting a few through to probe
 *                             (defaults to 60 seconds)
 */
@ConfigurationProperties("ztrade.resilience")
public record ResilienceProperties(@DefaultValue("50") float failureRateThreshold,
                                   @DefaultValue("10") int slidingWindowSize,
                                   @DefaultValue("5") int minimumCalls,
                                   @DefaultValue("60s") Duration waitInOpen) {
}
