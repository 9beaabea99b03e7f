package io.ztrade.production;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzConstants;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.impl.triggers.CronTriggerImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Makes the stored triggers of the clustered scheduler match {@code routes/} once Camel has started. camel-quartz
 * keeps a trigger it finds in the job store and reschedules it only when the cron expression changed, so a new
 * time zone would be ignored; and a trigger whose agent was removed would fire forever for a route no node has.
 * Here: a cron or time zone that differs is rescheduled (same job, so a running job keeps its lock), and a trigger
 * in group {@value #GROUP} without a route is deleted. The last node started decides, so roll a change out to
 * every node.
 */
@Component
@ConditionalOnProperty(name = "ztrade.quartz.clustered", havingValue = "true")
class AgentTriggers implements CamelContextConfiguration {

    static final String GROUP = "agents";

    private static final Logger LOG = LoggerFactory.getLogger(AgentTriggers.class);

    private final Scheduler scheduler;

    AgentTriggers(Scheduler ztradeQuartzScheduler) {
        this.scheduler = ztradeQuartzScheduler;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // nothing before start: camel-quartz stores the triggers as the routes start
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        try {
            reconcile(camelContext);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot bring the stored agent triggers in line with routes/: "
                    + e.getMessage(), e);
        }
    }

    void reconcile(CamelContext camel) throws SchedulerException {
        Map<TriggerKey, QuartzEndpoint> wanted = camel.getRoutes().stream()
                .map(Route::getEndpoint)
                .filter(QuartzEndpoint.class::isInstance)
                .map(QuartzEndpoint.class::cast)
                .filter(endpoint -> GROUP.equals(endpoint.getGroupName()))
                .collect(Collectors.toMap(QuartzEndpoint::getTriggerKey, endpoint -> endpoint, (a, b) -> a));
        for (Map.Entry<TriggerKey, QuartzEndpoint> entry : wanted.entrySet()) {
            reschedule(entry.getKey(), entry.getValue());
            nameContext(entry.getKey(), camel.getName());
        }
        Set<TriggerKey> stored = scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP));
        for (TriggerKey key : stored) {
            if (!wanted.containsKey(key)) {
                Trigger orphan = scheduler.getTrigger(key);
                scheduler.unscheduleJob(key);
                if (orphan != null && scheduler.checkExists(orphan.getJobKey())) {
                    scheduler.deleteJob(orphan.getJobKey());
                }
                LOG.info("Removed the stored trigger of agent {}: routes/ no longer defines it", key.getName());
            }
        }
    }

    /**
     * A job stored by a node whose CamelContext had another management name (ztrade-1) names that context; every
     * node knows its context by camel.main.name, so the stored job names that.
     */
    private void nameContext(TriggerKey key, String contextName) throws SchedulerException {
        Trigger trigger = scheduler.getTrigger(key);
        JobDetail job = trigger == null ? null : scheduler.getJobDetail(trigger.getJobKey());
        if (job == null || contextName.equals(job.getJobDataMap().getString(QuartzConstants.QUARTZ_CAMEL_CONTEXT_NAME))) {
            return;
        }
        scheduler.addJob(job.getJobBuilder().usingJobData(QuartzConstants.QUARTZ_CAMEL_CONTEXT_NAME, contextName).build(),
                true, true);
        LOG.info("Agent {}: stored job now names CamelContext {}", key.getName(), contextName);
    }

    private void reschedule(TriggerKey key, QuartzEndpoint endpoint) throws SchedulerException {
        Trigger stored = scheduler.getTrigger(key);
        if (!(stored instanceof CronTrigger storedCron) || endpoint.getCron() == null) {
            return;
        }
        Object zone = endpoint.getTriggerParameters() == null ? null : endpoint.getTriggerParameters().get("timeZone");
        TimeZone timeZone = zone == null ? TimeZone.getDefault() : TimeZone.getTimeZone(zone.toString());
        boolean sameCron = storedCron.getCronExpression().equals(endpoint.getCron());
        boolean sameZone = storedCron.getTimeZone() != null
                && Objects.equals(storedCron.getTimeZone().getID(), timeZone.getID());
        if (sameCron && sameZone) {
            return;
        }
        Trigger replacement = TriggerBuilder.newTrigger().withIdentity(key).forJob(stored.getJobKey())
                .withPriority(stored.getPriority())
                .withSchedule(CronScheduleBuilder.cronSchedule(endpoint.getCron()).inTimeZone(timeZone))
                .build();
        // keep the template's misfire rule (skip a missed fire time, never replay it)
        ((CronTriggerImpl) replacement).setMisfireInstruction(stored.getMisfireInstruction());
        scheduler.rescheduleJob(key, replacement);
        LOG.info("Rescheduled agent {}: stored cron '{}' ({}) is now '{}' ({}) as routes/ says; next fire {}",
                key.getName(), storedCron.getCronExpression(), storedCron.getTimeZone().getID(), endpoint.getCron(),
                timeZone.getID(), scheduler.getTrigger(key).getNextFireTime());
    }
}
