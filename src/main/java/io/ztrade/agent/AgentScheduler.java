package io.ztrade.agent;

import java.time.Instant;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Component;

/**
 * The agents' Quartz triggers, as camel-quartz made them ({@code quartz:agents/<agentId>}). A manual run fires the
 * agent's own job, so it queues behind a running one exactly like a scheduled run (stateful: never two at once).
 */
@Component
public class AgentScheduler {

    public static final String GROUP = "agents";

    private final CamelContext camel;
    private final AgentCatalog catalog;
    private final InFlightRuns inFlight;

    public AgentScheduler(CamelContext camel, AgentCatalog catalog, InFlightRuns inFlight) {
        this.camel = camel;
        this.catalog = catalog;
        this.inFlight = inFlight;
    }

    /** What an operator sees of an agent's schedule. */
    public record Schedule(String cron, String timeZone, Instant nextFireTime, Instant previousFireTime, boolean paused) {
    }

    public Schedule schedule(AgentSettings agent) {
        try {
            Trigger trigger = scheduler().getTrigger(TriggerKey.triggerKey(agent.agentId(), GROUP));
            if (trigger == null) {
                return new Schedule(agent.cron(), "America/New_York", null, null, true);
            }
            boolean paused = scheduler().getTriggerState(trigger.getKey()) == Trigger.TriggerState.PAUSED
                    || camel.getRouteController().getRouteStatus(agent.agentId()).isSuspended();
            return new Schedule(agent.cron(), "America/New_York", instant(trigger.getNextFireTime()),
                    instant(trigger.getPreviousFireTime()), paused);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the schedule of agent " + agent.agentId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fires the agent's job now.
     *
     * @param force run even when the agent's market is closed
     * @return the run's id (its record and its log are found under it)
     */
    public String runNow(String agentId, RunTrigger trigger, boolean force) {
        AgentSettings agent = catalog.get(agentId);
        try {
            Trigger existing = scheduler().getTrigger(TriggerKey.triggerKey(agent.agentId(), GROUP));
            if (existing == null) {
                throw new IllegalStateException("agent " + agentId + " has no trigger yet; is its route started?");
            }
            JobDataMap data = new JobDataMap();
            data.put(AgentRuns.TRIGGER_KEY, trigger.name());
            data.put(AgentRuns.FORCE_KEY, Boolean.toString(force));
            // the run's id, kept with the one-off trigger: a run Quartz recovers on another node keeps its order id
            String runId = java.util.UUID.randomUUID().toString();
            data.put(AgentRuns.RUN_ID_KEY, runId);
            inFlight.requested(runId, agent.agentId(), Instant.now(), force);
            scheduler().triggerJob(existing.getJobKey(), data);
            return runId;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start a run of agent " + agentId + ": " + e.getMessage(), e);
        }
    }

    /** Stops the agent's schedule; a run in progress finishes, and a manual run still starts one. */
    public void pause(String agentId) {
        AgentSettings agent = catalog.get(agentId);
        try {
            scheduler().pauseTrigger(TriggerKey.triggerKey(agent.agentId(), GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot pause agent " + agentId + ": " + e.getMessage(), e);
        }
    }

    /** Starts the agent's schedule again from its next fire time (slots missed while paused are skipped). */
    public void resume(String agentId) {
        AgentSettings agent = catalog.get(agentId);
        try {
            scheduler().resumeTrigger(TriggerKey.triggerKey(agent.agentId(), GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot resume agent " + agentId + ": " + e.getMessage(), e);
        }
    }

    private Scheduler scheduler() {
        return camel.getComponent("quartz", QuartzComponent.class).getScheduler();
    }

    private static Instant instant(java.util.Date date) {
        return Optional.ofNullable(date).map(java.util.Date::toInstant).orElse(null);
    }
}
