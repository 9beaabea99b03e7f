package io.ztrade.management;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.InFlightRuns;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.Phased;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * SIGTERM (the context closing), just before Camel stops: no new fire time starts (Quartz stands by, so in a cluster
 * the other nodes take them), the runs under way get {@code ztrade.shutdown.timeout} to finish, and the performance
 * records they handed to the wireTap are written. A run still going after that is recorded INTERRUPTED, at once and
 * on this thread, with what it had done (the client order id of an order risk approved); this node sends no order
 * any more, and Camel and Quartz then stop without waiting for the cut runs.
 */
@Component
class GracefulShutdown implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);
    private static final String RECORDS_POOL = "agentRecordsPool";
    /** How long Camel still waits for the cut runs' exchanges, and its thread pools for their tasks. */
    private static final Duration AFTER_CUT = Duration.ofSeconds(2);

    /**
     * Looked up, not injected: Spring's lifecycle start would start a lifecycle bean's dependencies first, Camel
     * included, before camel-spring-boot has loaded the routes.
     */
    private final ObjectProvider<CamelContext> camelContext;
    private final InFlightRuns inFlight;
    private final Duration timeout;
    private volatile boolean running;
    private CamelContext camel;

    GracefulShutdown(ObjectProvider<CamelContext> camelContext, InFlightRuns inFlight, ShutdownProperties properties) {
        this.camelContext = camelContext;
        this.inFlight = inFlight;
        this.timeout = properties.timeout();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Just above Camel's phase, so this stops (and waits) while every route still works. */
    @Override
    public int getPhase() {
        return camelContext.getIfAvailable() instanceof Phased phased ? phased.getPhase() + 1 : DEFAULT_PHASE - 2048;
    }

    @Override
    public void stop() {
        running = false;
        camel = camelContext.getIfAvailable();
        if (camel == null) {
            return;
        }
        long started = System.nanoTime();
        Instant deadline = Instant.now().plus(timeout);
        Scheduler quartz = standBy();
        int runs = inFlight.count();
        if (runs > 0) {
            LOG.info("Shutting down: no new fire times; waiting up to {} s for {} running run(s)", timeout.toSeconds(), runs);
        }
        waitUntil(() -> inFlight.count() == 0, deadline);
        if (inFlight.count() > 0) {
            cut(quartz, Duration.ofNanos(System.nanoTime() - started));
        }
        // the finished runs' records, handed to the wireTap's pool: a stopped record route would drop them
        waitUntil(GracefulShutdown.this::recordsWritten, later(deadline, Instant.now().plus(AFTER_CUT)));
        if (runs > 0) {
            LOG.info("Runs drained in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void cut(Scheduler quartz, Duration waited) {
        inFlight.closeOrders();
        List<AgentRun> cut = inFlight.interrupt(Instant.now(), waited);
        try (ProducerTemplate records = camel.createProducerTemplate()) {
            for (AgentRun run : cut) {
                // synchronously, through the record route: a database that fails keeps it in the journal
                records.sendBody("direct:recordRun", run);
                LOG.warn("Run {} of {} interrupted by the shutdown and recorded INTERRUPTED: {}", run.runId(),
                        run.agentId(), run.note());
            }
        } catch (Exception e) {
            LOG.error("Cannot record the interrupted runs: {}", e.getMessage());
        }
        // the cut runs' threads go on until the JVM exits: Camel and Quartz must not wait for them
        camel.getShutdownStrategy().setTimeout(AFTER_CUT.toSeconds());
        camel.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        camel.getExecutorServiceManager().setShutdownAwaitTermination(AFTER_CUT.toMillis());
        if (quartz != null) {
            try {
                quartz.shutdown(false);
            } catch (SchedulerException e) {
                LOG.warn("Quartz did not shut down: {}", e.getMessage());
            }
        }
    }

    private Scheduler standBy() {
        try {
            Scheduler quartz = camel.getComponent("quartz", QuartzComponent.class).getScheduler();
            if (quartz != null && !quartz.isShutdown()) {
                quartz.standby();
            }
            return quartz;
        } catch (SchedulerException | RuntimeException e) {
            LOG.warn("Quartz could not stand by: {}", e.getMessage());
            return null;
        }
    }

    private boolean recordsWritten() {
        ExecutorService pool = io.ztrade.agent.MdcExecutorService.unwrap(
                camel.getRegistry().lookupByNameAndType(RECORDS_POOL, ExecutorService.class));
        return !(pool instanceof ThreadPoolExecutor records) || records.getCompletedTaskCount() == records.getTaskCount();
    }

    private static void waitUntil(BooleanSupplier done, Instant deadline) {
        while (!done.getAsBoolean() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
