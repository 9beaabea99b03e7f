package io.ztrade.reconcile;

import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code reconciliation}: {@code MISMATCH} while an issue is open (with the issues),
 * {@code UP} once the records agree with the broker, {@code UNKNOWN} before the first pass or when the last one failed.
 * {@code MISMATCH} is a status of its own, outside the aggregate's order: it shows here without taking the node out of
 * service (the agents concerned are held instead), and the operator still reaches the node to look.
 */
@Component("reconciliationHealthIndicator")
class ReconcileHealth implements HealthIndicator {

    static final Status MISMATCH = new Status("MISMATCH", "reconciliation found what the records do not explain");

    private final Reconciler reconciler;
    private final ReconcileIssues issues;

    ReconcileHealth(Reconciler reconciler, ReconcileIssues issues) {
        this.reconciler = reconciler;
        this.issues = issues;
    }

    @Override
    public Health health() {
        List<ReconcileIssue> open = issues.open();
        ReconcileReport last = reconciler.last();
        ReconcileReport reconciled = reconciler.lastReconciled();
        Health.Builder health = !open.isEmpty() ? Health.status(MISMATCH)
                : last == null || last.outcome() == ReconcileReport.Outcome.FAILED ? Health.unknown() : Health.up();
        health.withDetail("openIssues", open.size());
        if (!open.isEmpty()) {
            health.withDetail("issues", open.stream().limit(10).map(i -> i.id() + " " + i.kind() + ": " + i.detail()).toList());
        }
        if (last != null) {
            health.withDetail("lastPass", last.outcome() + " at " + last.finishedAt()
                    + (last.error() == null ? "" : ": " + last.error()));
        }
        if (reconciled != null) {
            health.withDetail("lastReconciled", reconciled.finishedAt().toString());
        }
        return health.build();
    }
}
