package io.ztrade.management;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ztrade.agent.AgentRun;
import io.ztrade.agent.StepTiming;
import io.ztrade.risk.KillSwitch;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * The desk's Prometheus metrics ({@code /actuator/prometheus}), counted from each agent exchange as it completes, so
 * no route or stage knows about them:
 * <ul>
 *   <li>{@code ztrade_runs_total{agent,status}}, {@code ztrade_decisions_total{agent,action}},
 *       {@code ztrade_orders_total{agent,status}}</li>
 *   <li>{@code ztrade_step_seconds{step}}: a latency histogram per pipeline step</li>
 *   <li>{@code ztrade_provider_errors_total{agent,error}}: each failed attempt that Camel redelivers</li>
 *   <li>{@code ztrade_kill_switch} (1 on), {@code ztrade_breaker_state{breaker}} (0 closed, 1 open, 2 half-open) and
 *       {@code ztrade_journal_backlog}, fed by the hooks below</li>
 * </ul>
 */
@Component
public class OperationsMetrics extends EventNotifierSupport {

    /** What {@link #breakerState} gauges show. */
    public enum BreakerState { CLOSED, OPEN, HALF_OPEN }

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> breakers = new ConcurrentHashMap<>();

    OperationsMetrics(MeterRegistry registry, KillSwitch killSwitch) {
        this.registry = registry;
        Gauge.builder("ztrade_kill_switch", killSwitch, s -> s.engaged() ? 1 : 0)
                .description("1 while the kill switch is on").register(registry);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
    }

    /** For the circuit breakers: report each state change. */
    public void breakerState(String breaker, BreakerState state) {
        breakers.computeIfAbsent(breaker, name -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("ztrade_breaker_state", value, AtomicInteger::get).tag("breaker", name)
                    .description("0 closed, 1 open, 2 half-open").register(registry);
            return value;
        }).set(state.ordinal());
    }

    /** For the journal: how many entries wait to be written, read whenever Prometheus scrapes. */
    public void journalBacklog(Supplier<Number> backlog) {
        Gauge.builder("ztrade_journal_backlog", backlog, b -> b.get().doubleValue())
                .description("journal entries not yet written").register(registry);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeRedeliveryEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        if (event instanceof CamelEvent.ExchangeRedeliveryEvent) {
            Throwable cause = exchange.getException();
            Counter.builder("ztrade_provider_errors_total").description("failed attempts that were redelivered")
                    .tag("agent", String.valueOf(exchange.getFromRouteId()))
                    .tag("error", cause == null ? "unknown" : cause.getClass().getSimpleName())
                    .register(registry).increment();
            return;
        }
        // the run itself, not its multicast or wireTap copies
        if (!(exchange.getMessage().getBody() instanceof AgentRun run) || run.inProgress()
                || exchange.getProperty(Exchange.CORRELATION_ID) != null) {
            return;
        }
        String agent = run.agentId();
        Counter.builder("ztrade_runs_total").description("finished runs").tag("agent", agent)
                .tag("status", run.status().name()).register(registry).increment();
        if (run.decision() != null) {
            Counter.builder("ztrade_decisions_total").description("decisions taken").tag("agent", agent)
                    .tag("action", run.decision().action().name()).register(registry).increment();
        }
        if (run.order() != null) {
            Counter.builder("ztrade_orders_total").description("orders sent to the broker").tag("agent", agent)
                    .tag("status", run.order().state().name().toLowerCase(Locale.ROOT)).register(registry).increment();
        }
        for (StepTiming step : run.timings()) {
            Timer.builder("ztrade_step_seconds").description("time spent in each pipeline step").tag("step", step.step())
                    .publishPercentileHistogram().register(registry)
                    .record(Duration.ofNanos((long) (step.durationMs() * 1_000_000)));
        }
    }
}
