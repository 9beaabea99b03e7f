package io.ztrade.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private volatile boolean ordersClosed;

    void started(Exchange exchange, AgentRun run) {
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
