package io.ztrade.routes;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * {@code /actuator/health} component {@code routes} while live reload is on: UP when the route files on disk are
 * what runs; {@code BROKEN}, with each problem's file and line, when the last edit was refused. BROKEN is a status of
 * its own, outside the aggregate's order, like reconciliation's MISMATCH: the agents go on trading on the last good
 * routes, so the node stays in service; a monitor logged in (any role) reads it at {@code /actuator/health/routes}.
 */
final class RoutesHealth implements HealthIndicator {

    static final Status BROKEN = new Status("BROKEN", "the route files on disk were refused; the last good routes run");

    private final RoutesStatus status;

    RoutesHealth(RoutesStatus status) {
        this.status = status;
    }

    @Override
    public Health health() {
        RoutesStatus.View view = status.view();
        Health.Builder health = switch (view.state()) {
            case APPLIED -> Health.up();
            case BROKEN -> Health.status(BROKEN);
            case OFF -> Health.unknown();
        };
        health.withDetail("directory", view.directory() == null ? "" : view.directory());
        if (view.appliedAt() != null) {
            health.withDetail("appliedAt", view.appliedAt().toString());
        }
        if (view.state() == RoutesStatus.State.BROKEN) {
            health.withDetail("problems", view.problems().stream().map(RoutesStatus.Problem::text).toList());
        }
        if (view.lastChange() != null) {
            RoutesStatus.Change change = view.lastChange();
            health.withDetail("lastChange", "added " + change.added() + ", changed " + change.changed()
                    + ", removed " + change.removed() + (change.beans().isEmpty() ? "" : ", scripted steps' beans "
                    + change.beans()) + " at " + change.at());
        }
        return health.build();
    }
}
