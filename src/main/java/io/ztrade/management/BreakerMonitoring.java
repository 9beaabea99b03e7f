package io.ztrade.management;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.ztrade.alert.CircuitBreakerStateChanged;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells operations what the providers' circuit breakers do: each state change becomes a
 * {@link CircuitBreakerStateChanged} event (an opening breaker is alerted, every change moves
 * {@code ztrade_breaker_state}), and each failed call through a breaker counts in
 * {@code ztrade_provider_errors_total}. Breakers made later (one per sentiment source) are watched too.
 */
@Component
class BreakerMonitoring {

    private final ApplicationEventPublisher events;
    private final OperationsMetrics metrics;

    BreakerMonitoring(CircuitBreakerRegistry breakers, ApplicationEventPublisher events, OperationsMetrics metrics) {
        this.events = events;
        this.metrics = metrics;
        breakers.getAllCircuitBreakers().forEach(this::watch);
        breakers.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
    }

    private void watch(CircuitBreaker breaker) {
        breaker.getEventPublisher()
                .onStateTransition(e -> events.publishEvent(new CircuitBreakerStateChanged(breaker.getName(),
                        stateOf(e.getStateTransition().getToState()), causeOf(breaker))))
                .onError(e -> metrics.providerError(breaker.getName(), e.getThrowable().getClass().getSimpleName()));
    }

    static CircuitBreakerStateChanged.State stateOf(CircuitBreaker.State state) {
        return switch (state) {
            case OPEN, FORCED_OPEN -> CircuitBreakerStateChanged.State.OPEN;
            case HALF_OPEN -> CircuitBreakerStateChanged.State.HALF_OPEN;
            default -> CircuitBreakerStateChanged.State.CLOSED;
        };
    }

    private static String causeOf(CircuitBreaker breaker) {
        CircuitBreaker.Metrics m = breaker.getMetrics();
        return String.format(Locale.ROOT, "%d of the last %d calls failed (%.0f%%)", m.getNumberOfFailedCalls(),
                m.getNumberOfBufferedCalls(), Math.max(0, m.getFailureRate()));
    }
}
