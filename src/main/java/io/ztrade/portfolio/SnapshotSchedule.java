package io.ztrade.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
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
 * Records the equity snapshots: once the app is ready (the simulator is served by the app itself), then every
 * {@code ztrade.portfolio.snapshot-every}; nothing while the broker is unreachable (a gap in the curve, not a copy of
 * stale figures). Snapshots older than {@code keep} are deleted once a day.
 */
@Component
public class SnapshotSchedule implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotSchedule.class);

    private final Portfolios portfolios;
    private final EquitySnapshots snapshots;
    private final PortfolioProperties properties;
    private ScheduledExecutorService timer;
    private Instant lastRecorded;
    private Instant lastPurge = Instant.EPOCH;

    SnapshotSchedule(Portfolios portfolios, EquitySnapshots snapshots, PortfolioProperties properties) {
        this.portfolios = portfolios;
        this.snapshots = snapshots;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (properties.snapshotEvery().isZero()) {
            LOG.info("Equity snapshots off (ztrade.portfolio.snapshot-every=0)");
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "equity-snapshots");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.snapshotEvery().toMillis();
        timer.scheduleWithFixedDelay(this::snapshot, 0, every, TimeUnit.MILLISECONDS);
    }

    /** One snapshot of the desk and every agent from the current view; false when the broker could not be read. */
    public synchronized boolean snapshot() {
        try {
            PortfolioView view = portfolios.view();
            if (!view.broker().reachable() || view.desk() == null || view.broker().readAt().equals(lastRecorded)) {
                return false;
            }
            Instant at = view.broker().readAt();
            snapshots.record(EquitySnapshots.DESK, at, view.desk().equity());
            for (PortfolioView.AgentPosition agent : view.agents()) {
                BigDecimal pnl = agent.realizedPnl().add(agent.unrealizedPnl() == null ? BigDecimal.ZERO : agent.unrealizedPnl());
                snapshots.record(agent.agentId(), at, pnl);
            }
            lastRecorded = at;
            if (at.isAfter(lastPurge.plus(java.time.Duration.ofDays(1)))) {
                snapshots.deleteBefore(at.minus(properties.keep()));
                lastPurge = at;
            }
            return true;
        } catch (RuntimeException e) {
            // a database hiccup loses one snapshot, never the schedule
            LOG.warn("Equity snapshot failed: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public void destroy() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
