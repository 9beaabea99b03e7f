package io.ztrade.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ztrade.agent.AgentRun;
import io.ztrade.broker.ClientOrderIdCollisionException;
import io.ztrade.provider.SecretMasker;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Raises alerts: a run FAILED after its redeliveries, the kill switch flipped, a circuit breaker opened. Each is
 * logged, then sent to every configured channel unless an alert of the same kind went out less than
 * {@code ztrade.alerts.quiet-period} ago, from any node of a cluster ({@link QuietPeriods}, in the records database);
 * the next one sent says how many were held back. While the records database fails, each node keeps its own quiet
 * period (so an outage still alerts, at most once a period per node).
 */
@Service
@EnableConfigurationProperties(AlertProperties.class)
public class Alerts {

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

    private final List<AlertChannel> channels;
    private final AlertProperties properties;
    private final Clock clock;
    private final MeterRegistry registry;
    private final UnaryOperator<String> masker;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    /** The cluster's quiet periods; null: this node's only. */
    private final QuietPeriods shared;

    @Autowired
    Alerts(List<AlertChannel> channels, AlertProperties properties, MeterRegistry registry, SecretMasker secrets,
           QuietPeriods shared) {
        this(channels, properties, registry, Clock.systemUTC(), secrets::mask, shared);
    }

    /** With this node's quiet periods only. */
    Alerts(List<AlertChannel> channels, AlertProperties properties, MeterRegistry registry, Clock clock,
           UnaryOperator<String> masker) {
        this(channels, properties, registry, clock, masker, null);
    }

    Alerts(List<AlertChannel> channels, AlertProperties properties, MeterRegistry registry, Clock clock,
           UnaryOperator<String> masker, QuietPeriods shared) {
        this.shared = shared;
        // the panel's database last: in a records-database outage (when alerts are most likely) its wait for a
        // connection must not hold back email, webhook and Telegram
        this.channels = channels.stream().sorted(Comparator.comparing(channel -> channel instanceof RecentAlerts)).toList();
        this.properties = properties;
        this.registry = registry;
        this.clock = clock;
        this.masker = masker;
    }

    /** How many alerts of this kind were raised, sent ({@code sent}) or held back ({@code held_back}). */
    public double count(String kind, String outcome) {
        Counter counter = registry.find("ztrade_alerts_total").tag("kind", kind).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private void counted(String kind, String outcome) {
        Counter.builder("ztrade_alerts_total").description("alerts raised, by kind; held back in a quiet period or sent")
                .tag("kind", kind).tag("outcome", outcome).register(registry).increment();
    }

    public void runFailed(AgentRun run) {
        if (run.error() != null && run.error().contains(ClientOrderIdCollisionException.MESSAGE)) {
            // its own kind: never held back behind an ordinary failure's quiet period
            raise("client-order-id-collision", "Ztrade: " + run.agentId() + " client order id collision",
                    run.agentId() + " (" + run.agent().symbol() + ") run " + run.runId() + " FAILED: " + run.error()
                            + "\nSee GET /api/runs/" + run.runId() + " and the broker's order of that id.");
            return;
        }
        raise("run-failed", "Ztrade: " + run.agentId() + " run FAILED",
                run.agentId() + " (" + run.agent().symbol() + ") run " + run.runId() + " FAILED after its redeliveries: "
                        + run.error() + "\nSee GET /api/runs/" + run.runId() + " or the runs console.");
    }

    public void killSwitchFlipped(boolean on) {
        raise(on ? "kill-switch-on" : "kill-switch-off", "Ztrade: kill switch " + (on ? "ON" : "OFF"),
                on ? "The kill switch is ON: no agent places an order until an admin turns it off."
                        : "The kill switch is OFF: agents place orders again.");
    }

    /** For the circuit breakers: call when one opens, so an outage of a provider is told once. */
    public void circuitBreakerOpened(String breaker, String cause) {
        raise("breaker-open-" + breaker, "Ztrade: circuit breaker " + breaker + " OPEN",
                "Circuit breaker " + breaker + " opened: " + cause + ". Calls through it fail fast until it closes.");
    }

    /** A breaker that opens is alerted; other state changes are not. */
    @EventListener
    public void onBreakerStateChanged(CircuitBreakerStateChanged change) {
        if (change.state() == CircuitBreakerStateChanged.State.OPEN) {
            circuitBreakerOpened(change.breaker(), change.cause() == null ? "no cause given" : change.cause());
        }
    }

    /**
     * Logs the alert and sends it unless one of the same kind went out within the quiet period.
     *
     * @return whether it was sent (false: held back by the quiet period)
     */
    public boolean raise(String kind, String subject, String unmaskedText) {
        Instant now = clock.instant();
        String text = masker.apply(unmaskedText);
        LOG.error("ALERT {}: {}", subject, text);
        OptionalInt pass = pass(kind, now);
        if (pass.isEmpty()) {
            counted(kind, "held_back");
            return false;
        }
        int heldBack = pass.getAsInt();
        String body = heldBack == 0 ? text : text + "\n(" + heldBack + " more alert(s) of this kind were held back in the"
                + " quiet period of " + properties.quietPeriod() + ")";
        Alert alert = new Alert(kind, subject, body, now);
        for (AlertChannel channel : channels) {
            try {
                channel.send(alert);
            } catch (RuntimeException e) {
                // a channel should log its own failure; one that throws anyway must not keep the others from sending
                LOG.error("Alert channel {} failed for '{}': {}", channel.name(), subject,
                        masker.apply(e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        counted(kind, "sent");
        return true;
    }

    /** Held back (empty) or sent, with how many were held back before; the cluster's quiet period, else this node's. */
    private OptionalInt pass(String kind, Instant now) {
        Window window = windows.computeIfAbsent(kind, k -> new Window());
        if (shared != null) {
            try {
                OptionalInt pass = shared.pass(kind, now, properties.quietPeriod());
                synchronized (window) {
                    // this node's window follows, for an outage of the records database to come
                    if (pass.isPresent()) {
                        window.lastSent = now;
                        window.heldBack = 0;
                    }
                }
                return pass;
            } catch (RuntimeException e) {
                LOG.warn("Alert kind {}: the cluster's quiet period cannot be read ({}); this node's applies", kind,
                        masker.apply(e.getClass().getSimpleName()));
            }
        }
        synchronized (window) {
            if (window.lastSent != null && now.isBefore(window.lastSent.plus(properties.quietPeriod()))) {
                window.heldBack++;
                return OptionalInt.empty();
            }
            int heldBack = window.heldBack;
            window.heldBack = 0;
            window.lastSent = now;
            return OptionalInt.of(heldBack);
        }
    }

    private static final class Window {
        Instant lastSent;
        int heldBack;
    }
}
