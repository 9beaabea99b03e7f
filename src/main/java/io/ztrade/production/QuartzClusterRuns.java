package io.ztrade.production;

import io.ztrade.agent.AgentRuns;
import io.ztrade.agent.AgentScheduler;
import io.ztrade.agent.ClusterRuns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

/**
 * The other nodes' runs of an agent, from the clustered job store's tables. Quartz's API tells only this node's
 * executing jobs ({@link Scheduler#getCurrentlyExecutingJobs} is not cluster-aware), so the fired triggers are read
 * from {@code QRTZ_FIRED_TRIGGERS} (EXECUTING: a node runs it, named by its instance id) and the triggers not fired
 * yet from {@code QRTZ_TRIGGERS} (a run now or start-up run waiting for a thread or for the agent's run under way).
 * A run now's check and firing hold a PostgreSQL advisory lock of the agent, so the nodes take turns.
 */
final class QuartzClusterRuns implements ClusterRuns {

    /** The advisory lock's first key: run now ("rn"); the second is the agent id's hash. */
    static final int LOCK_CLASS = 0x726e;

    private final DataSource dataSource;
    private final Scheduler scheduler;
    private final String firedTriggers;
    private final String waitingTriggers;

    QuartzClusterRuns(DataSource dataSource, Scheduler scheduler, String tablePrefix) {
        this.dataSource = dataSource;
        this.scheduler = scheduler;
        this.firedTriggers = "SELECT instance_name, trigger_name, trigger_group, sched_time FROM " + tablePrefix
                + "FIRED_TRIGGERS WHERE sched_name = ? AND job_name = ? AND job_group = ? AND state = 'EXECUTING'"
                + " AND instance_name <> ? ORDER BY fired_time";
        // not COMPLETE (fired: its run is EXECUTING above), nor ERROR (it never fires); a paused agent's run now waits
        this.waitingTriggers = "SELECT trigger_name, trigger_group, next_fire_time FROM " + tablePrefix
                + "TRIGGERS WHERE sched_name = ? AND job_name = ? AND job_group = ? AND NOT (trigger_name = ?"
                + " AND trigger_group = ?) AND trigger_state IN ('WAITING', 'ACQUIRED', 'BLOCKED', 'PAUSED',"
                + " 'PAUSED_BLOCKED') ORDER BY next_fire_time";
    }

    @Override
    public Optional<Elsewhere> of(String agentId) {
        try {
            Trigger schedule = scheduler.getTrigger(TriggerKey.triggerKey(agentId, AgentScheduler.GROUP));
            if (schedule == null) {
                return Optional.empty();
            }
            JobKey job = schedule.getJobKey();
            try (Connection connection = dataSource.getConnection()) {
                Optional<Elsewhere> running = running(connection, job);
                return running.isPresent() ? running : waiting(connection, job, schedule.getKey());
            }
        } catch (SQLException | SchedulerException e) {
            throw new IllegalStateException("cannot tell whether agent " + agentId + " runs on another node: "
                    + e.getMessage(), e);
        }
    }

    private Optional<Elsewhere> running(Connection connection, JobKey job) throws SQLException, SchedulerException {
        try (PreparedStatement sql = connection.prepareStatement(firedTriggers)) {
            sql.setString(1, scheduler.getSchedulerName());
            sql.setString(2, job.getName());
            sql.setString(3, job.getGroup());
            sql.setString(4, node());
            try (ResultSet rows = sql.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Elsewhere(runId(TriggerKey.triggerKey(rows.getString(2), rows.getString(3))),
                        rows.getString(1), true, Instant.ofEpochMilli(rows.getLong(4))));
            }
        }
    }

    private Optional<Elsewhere> waiting(Connection connection, JobKey job, TriggerKey schedule)
            throws SQLException, SchedulerException {
        try (PreparedStatement sql = connection.prepareStatement(waitingTriggers)) {
            sql.setString(1, scheduler.getSchedulerName());
            sql.setString(2, job.getName());
            sql.setString(3, job.getGroup());
            sql.setString(4, schedule.getName());
            sql.setString(5, schedule.getGroup());
            try (ResultSet rows = sql.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Elsewhere(runId(TriggerKey.triggerKey(rows.getString(1), rows.getString(2))),
                        null, false, Instant.ofEpochMilli(rows.getLong(3))));
            }
        }
    }

    /** The run id a run now's (or start-up run's) trigger carries; null for the agent's schedule. */
    private String runId(TriggerKey key) throws SchedulerException {
        Trigger trigger = scheduler.getTrigger(key);
        return trigger == null ? null : trigger.getJobDataMap().getString(AgentRuns.RUN_ID_KEY);
    }

    @Override
    public <T> T exclusively(String agentId, Supplier<T> action) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement timeout = connection.createStatement()) {
                    // another node's check and firing take milliseconds; a lock held longer is a stuck node
                    timeout.execute("SET LOCAL lock_timeout = '10s'");
                }
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                    lock.setInt(1, LOCK_CLASS);
                    lock.setInt(2, agentId.hashCode());
                    lock.execute();
                }
                // the firing commits on a connection of its own (Quartz's), inside the lock: the next node sees it
                T result = action.get();
                connection.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start a run of agent " + agentId + ": the cluster's run now lock"
                    + " in PostgreSQL was not taken: " + e.getMessage(), e);
        }
    }

    @Override
    public String node() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
