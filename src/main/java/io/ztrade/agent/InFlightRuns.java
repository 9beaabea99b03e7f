package io.ztrade.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.stereotype.Component;

/**
 * The live runs going on in this JVM (replays excluded), so a shutdown can wait for them and record the ones it has to
 * cut. {@link AgentRuns#start} adds a run; its exchange's completion (ended, failed or handled) removes it.
 */
@Component
public class InFlightRuns {

    private final Map<String, Exchange> running = new ConcurrentHashMap<>();
    /** Runs fired (run now, start-up) whose first step has not started yet, by run id. */
    private final Map<String, Requested> requested = new ConcurrentHashMap<>();

    /** A run fired and not started yet: it waits for a Quartz thread, or for the agent's run under way to end. */
    public record Requested(String runId, String agentId, Instant at, boolean force) {
    }

    /** How long a requested run is remembered when it never starts here (another node of a cluster took it). */
    static final Duration REQUEST_MEMORY = Duration.ofMinutes(10);
    private volatile boolean ordersClosed;

    /** A run fired now under this id; {@link #started} forgets it. */
    void requested(String runId, String agentId, Instant at, boolean force) {
        Instant stale = at.minus(REQUEST_MEMORY);
        requested.values().removeIf(r -> r.at().isBefore(stale));
        requested.put(runId, new Requested(runId, agentId, at, force));
    }

    /** The run with this id, while it goes on here. */
    public Optional<AgentRun> running(String runId) {
        return running.values().stream().map(InFlightRuns::runOf)
                .filter(run -> run != null && run.runId().equals(runId)).findFirst();
    }

    /**
     * The agent's run going on here, if one is. A run whose status is final is only writing its record and its log
     * (its record may already be read): it is not going on any more, and a run started now waits for it a moment.
     */
    public Optional<AgentRun> runningOf(String agentId) {
        return running.values().stream().map(InFlightRuns::runOf)
                .filter(run -> run != null && run.agentId().equals(agentId) && run.inProgress()).findFirst();
    }

    /** The run with this id, fired and not started yet. */
    public Optional<Requested> requested(String runId) {
        return Optional.ofNullable(requested.get(runId)).filter(r -> r.at().isAfter(Instant.now().minus(REQUEST_MEMORY)));
    }

    /** The agent's run fired and not started yet, if one is. */
    public Optional<Requested> requestedOf(String agentId) {
        Instant stale = Instant.now().minus(REQUEST_MEMORY);
        return requested.values().stream().filter(r -> r.agentId().equals(agentId) && r.at().isAfter(stale)).findFirst();
    }

    private static AgentRun runOf(Exchange exchange) {
        return exchange.getMessage().getBody() instanceof AgentRun body ? body : null;
    }

    void started(Exchange exchange, AgentRun run) {
        requested.remove(run.runId());
        if (run.trigger() == RunTrigger.REPLAY) {
            return;
        }
        String key = exchange.getExchangeId();
        running.put(key, exchange);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                running.remove(key);
            }
        });
    }

    /** How many live runs are going on. */
    public int count() {
        return running.size();
    }

    /**
     * After the shutdown's wait: no run of this JVM sends an order any more ({@code OrderPlacement} refuses), since
     * the runs still going are about to be recorded INTERRUPTED.
     */
    public void closeOrders() {
        ordersClosed = true;
    }

    public boolean ordersClosed() {
        return ordersClosed;
    }

    /**
     * The runs still in progress, each as its record of the cut: status INTERRUPTED, what it had done so far (the
     * risk-approved order, whose client order id the record names, included) and why.
     */
    public List<AgentRun> interrupt(Instant at, Duration waited) {
        List<AgentRun> cut = new ArrayList<>();
        for (Exchange exchange : running.values()) {
            AgentRun run = exchange.getMessage().getBody() instanceof AgentRun body ? body : null;
            // a run whose status is final is only writing its record (the wireTap or the dead letter) now
            if (run != null && run.inProgress()) {
                cut.add(run.finish(RunStatus.INTERRUPTED, note(run, waited)).completed(at, AgentRuns.timings(exchange)));
            }
        }
        return cut;
    }

    private static String note(AgentRun run, Duration waited) {
        String where = run.risk() != null && run.risk().approved()
                ? "risk had approved order " + run.clientOrderId() + ", which may have reached the broker"
                : "before any order was sent";
        return "interrupted by a shutdown after waiting " + waited.toSeconds() + " s for it, " + where
                + "; reconciliation completes it from the broker";
    }
}
