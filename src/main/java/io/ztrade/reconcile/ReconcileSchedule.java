package io.ztrade.reconcile;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When passes run by themselves: once the app is ready (its web server up: the embedded default's broker is the
 * built-in simulator), then every {@code ztrade.reconcile.interval}. The start-up pass opens the gate that holds the
 * first orders.
 */
@Component
class ReconcileSchedule implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileSchedule.class);

    private final Reconciler reconciler;
    private final StartupGate gate;
    private final ReconcileProperties properties;
    private ScheduledExecutorService passes;

    ReconcileSchedule(Reconciler reconciler, StartupGate gate, ReconcileProperties properties) {
        this.reconciler = reconciler;
        this.gate = gate;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.enabled()) {
            LOG.info("Reconciliation off (ztrade.reconcile.enabled=false); on demand only");
            return;
        }
        passes = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "reconcile");
            thread.setDaemon(true);
            return thread;
        });
        passes.execute(this::startupPass);
        long every = properties.interval().toMillis();
        passes.scheduleWithFixedDelay(() -> pass("schedule"), every, every, TimeUnit.MILLISECONDS);
    }

    private void startupPass() {
        try {
            ReconcileReport report = pass("startup");
            if (report != null) {
                LOG.info("Start-up reconciliation {} in {} ms: {} records completed or created, {} issues, {} external orders",
                        report.outcome(), report.took().toMillis(), report.actions().size(), report.issues().size(),
                        report.external().size());
            }
        } finally {
            gate.open();
        }
    }

    private ReconcileReport pass(String trigger) {
        try {
            return reconciler.reconcile(trigger);
        } catch (RuntimeException e) {
            // never let one failed pass stop the schedule
            LOG.warn("Reconciliation pass failed: {}", e.getMessage());
            return null;
        }
    }

    @Override
    public void destroy() {
        if (passes != null) {
            passes.shutdownNow();
        }
    }
}
