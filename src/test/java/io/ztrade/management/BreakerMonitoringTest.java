package io.ztrade.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.ztrade.alert.Alerts;
import io.ztrade.provider.ProviderCircuitBreakers;
import io.ztrade.provider.ProviderUnavailableException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The providers' real breakers, driven into failure, as operations sees them: one alert, a gauge, an error count. */
class BreakerMonitoringTest extends OperationsTestSupport {

    @Autowired
    Alerts alerts;

    @Test
    void aBreakerThatOpensIsAlertedOnceShownAndItsFailedCallsCounted() {
        CircuitBreaker data = breakers.circuitBreaker(ProviderCircuitBreakers.ALPACA_DATA);
        double sentBefore = alerts.count("breaker-open-" + ProviderCircuitBreakers.ALPACA_DATA, "sent")
                + alerts.count("breaker-open-" + ProviderCircuitBreakers.ALPACA_DATA, "held_back");

        for (int i = 0; i < data.getCircuitBreakerConfig().getSlidingWindowSize(); i++) {
            data.onError(1, TimeUnit.MILLISECONDS, new ProviderUnavailableException("data API answered HTTP 503"));
        }

        assertThat(data.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(alerts.count("breaker-open-" + ProviderCircuitBreakers.ALPACA_DATA, "sent")
                + alerts.count("breaker-open-" + ProviderCircuitBreakers.ALPACA_DATA, "held_back"))
                .as("the opening raised one alert").isEqualTo(sentBefore + 1);
        String metrics = viewer().getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).containsPattern("ztrade_breaker_state\\{breaker=\"alpaca-data\"[^}]*\\} 1\\.0")
                .containsPattern("ztrade_provider_errors_total\\{error=\"ProviderUnavailableException\",provider=\"alpaca-data\"[^}]*\\} [1-9]");
    }
}
