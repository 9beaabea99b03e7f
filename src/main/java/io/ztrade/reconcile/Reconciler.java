package io.ztrade.reconcile;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One reconciliation pass: orders (intents, non-final records, the broker's Ztrade orders of the look-back), then
 * positions. One pass at a time in this JVM and, through the lease, in the cluster. The last report is kept for the
 * API, the console and health.
 */
@Service
public class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final OrderReconciliation orders;
    private final PositionCheck positions;
    private final ReconcileLease lease;
    private final ReconcileProperties properties;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final ReentrantLock running = new ReentrantLock();
    private volatile ReconcileReport last;
    private volatile ReconcileReport lastReconciled;

    Reconciler(OrderReconciliation orders, PositionCheck positions, ReconcileLease lease, ReconcileProperties properties) {
        this.orders = orders;
        this.positions = positions;
        this.lease = lease;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /**
     * Runs a pass now, unless one is running here or on another node (then: SKIPPED, saying who holds it).
     *
     * @param trigger who asked: {@code startup}, {@code schedule}, {@code api}, {@code jmx}
     */
    public ReconcileReport reconcile(String trigger) {
        // microseconds: what the records database keeps of a timestamp
        Instant start = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ReconcileReport.Builder pass = new ReconcileReport.Builder(trigger, node, start);
        if (!running.tryLock()) {
            return pass.build(ReconcileReport.Outcome.SKIPPED, "a pass is running on this node", clock.instant());
        }
        try {
            if (!lease.acquire(node, start, properties.leaseTtl())) {
                String holder = lease.holder(start);
                return remember(pass.build(ReconcileReport.Outcome.SKIPPED, "node " + holder + " is reconciling",
                        clock.instant()));
            }
            try {
                orders.reconcile(pass, start);
                positions.compare(pass, start);
                ReconcileReport report = pass.build(ReconcileReport.Outcome.RECONCILED, null, clock.instant());
                lastReconciled = report;
                log(report);
                return remember(report);
            } finally {
                lease.release(node, clock.instant());
            }
        } catch (RuntimeException e) {
            LOG.warn("Reconciliation ({}) failed: {}", trigger, e.getMessage());
            return remember(pass.build(ReconcileReport.Outcome.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    clock.instant()));
        } finally {
            running.unlock();
        }
    }

    private ReconcileReport remember(ReconcileReport report) {
        last = report;
        return report;
    }

    private static void log(ReconcileReport report) {
        if (report.actions().isEmpty() && report.issues().isEmpty()) {
            LOG.debug("Reconciliation ({}): records agree with the broker ({} orders listed) in {} ms", report.trigger(),
                    report.ordersListed(), report.took().toMillis());
            return;
        }
        LOG.warn("Reconciliation ({}) in {} ms: {} records completed or created, {} new issues, {} external orders",
                report.trigger(), report.took().toMillis(), report.actions().size(), report.issues().size(),
                report.external().size());
        report.actions().forEach(a -> LOG.warn("  {} {} {} {}: {}", a.kind(), a.agentId(), a.clientOrderId(), a.status(), a.why()));
    }

    /** The last pass on this node, whatever its outcome; null before the first. */
    public ReconcileReport last() {
        return last;
    }

    /** The last pass on this node that reconciled; null before the first. */
    public ReconcileReport lastReconciled() {
        return lastReconciled;
    }

    String node() {
        return node;
    }
}
