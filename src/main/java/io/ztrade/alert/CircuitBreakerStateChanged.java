package io.ztrade.alert;

/**
 * Published (Spring {@code ApplicationEventPublisher}) by whoever runs a circuit breaker, each time one changes
 * state; opening raises an alert and every change moves the {@code ztrade_breaker_state} gauge. Publishing it is all a
 * breaker needs to do; calling {@link Alerts#circuitBreakerOpened} directly works as well.
 *
 * @param breaker the breaker's name, e.g. {@code alpaca-data}
 * @param state   {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}
 * @param cause   why, in words (e.g. "5 of the last 10 calls failed"); may be null
 */
public record CircuitBreakerStateChanged(String breaker, State state, String cause) {

    public enum State { CLOSED, OPEN, HALF_OPEN }
}
