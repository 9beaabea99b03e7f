package io.ztrade.management;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ztrade.agent.AgentRun;
import io.ztrade.agent.RunStatus;
import io.ztrade.agent.StepTiming;
import io.ztrade.alert.CircuitBreakerStateChanged;
import io.ztrade.risk.DeskModes;
import io.ztrade.risk.TradingHolds;
import io.ztrade.risk.TradingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The desk's Prometheus metrics ({@code /actuator/prometheus}), counted from each run as {@code direct:recordRun}
 * records it:
 * <ul>
 *   <li>{@code ztrade_runs_total{agent,status}}, {@code ztrade_decisions_total{agent,action}},
 *       {@code ztrade_orders_total{agent,status}}</li>
 *   <li>{@code ztrade_step_seconds{step}}: a latency histogram per pipeline step</li>
 *   <li>{@code ztrade_provider_errors_total{provider,error}}: runs that failed on a provider after their
 *       redeliveries (provider = the agent), and whatever the providers report through {@link #providerError}</li>
 *   <li>{@code ztrade_kill_switch} (1 while the desk is HALTED), {@code ztrade_desk_mode} (0 ACTIVE, 1 REDUCE_ONLY,
 *       2 HALTED) and {@code ztrade_breaker_state{breaker}} (0 closed, 1 open, 2 half-open,
 *       from {@link CircuitBreakerStateChanged} events); {@code ztrade_journal_backlog} is the run journal's own gauge</li>
 * </ul>
 */
@Component
public class OperationsMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsMetrics.class);

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> breakers = new ConcurrentHashMap<>();

    OperationsMetrics(MeterRegistry registry, DeskModes desk) {
        this.registry = registry;
        Gauge.builder("ztrade_kill_switch", desk, d -> d.effective(TradingHolds.DESK).mode() == TradingMode.HALTED ? 1 : 0)
                .description("1 while the desk is HALTED (kill switch on, or its state unreadable)").register(registry);
        Gauge.builder("ztrade_desk_mode", desk, d -> d.effective(TradingHolds.DESK).mode().ordinal())
                .description("the desk's mode: 0 ACTIVE, 1 REDUCE_ONLY, 2 HALTED").register(registry);
    }

    /** Each breaker's state as a gauge: the ordinal of {@link CircuitBreakerStateChanged.State}. */
    @EventListener
    public void onBreakerStateChanged(CircuitBreakerStateChanged change) {
        breakers.computeIfAbsent(change.breaker(), name -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("ztrade_breaker_state", value, AtomicInteger::get).tag("breaker", name)
                    .description("0 closed, 1 open, 2 half-open").register(registry);
            return value;
        }).set(change.state().ordinal());
    }

    /**
     * Counts one finished run; {@code direct:recordRun} calls it for every run it records (FAILED ones included).
     * Never throws: a metric must not cost a record.
     */
    public void recorded(AgentRun run) {
        try {
            count(run);
        } catch (RuntimeException e) {
            LOG.warn("Run {} not counted in the metrics: {}", run == null ? null : run.runId(), e.toString());
        }
    }

    /** For the providers: one failed call to a provider, whether or not it is retried. */
    public void providerError(String provider, String error) {
        Counter.builder("ztrade_provider_errors_total").description("failed calls to providers")
                .tag("provider", provider).tag("error", error).register(registry).increment();
    }

    private void count(AgentRun run) {
        if (run == null || run.inProgress()) {
            return;
        }
        String agent = run.agentId();
        if (run.status() == RunStatus.FAILED && run.error() != null && run.error().startsWith("Provider")) {
            // the run failed on a provider after its redeliveries: ProviderUnavailableException: ...
            providerError(run.agentId(), run.error().replaceFirst(":.*", ""));
        }
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
