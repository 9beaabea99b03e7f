package io.ztrade.desk;

import io.ztrade.agent.AgentScheduler;

import io.ztrade.agent.AgentRuns;
import io.ztrade.agent.RunTrigger;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.EverythingMatcher;
import org.quartz.listeners.TriggerListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Pauses survive a restart. A pause is stored ({@code agent_pauses}); once Camel has started, every stored pause is
 * applied to its agent's Quartz trigger again (the embedded default keeps Quartz in memory). Until then, and on any
 * node, a scheduled or start-up fire of a paused agent is vetoed before it runs, so no fire slips through the
 * start-up window. A manual run of a paused agent still runs, as before.
 */
@Configuration(proxyBeanMethods = false)
class DurablePauses implements ExtendedStartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(DurablePauses.class);

    private final DeskStateStore store;
    private final PausedAgents pausedAgents;
    private final AgentScheduler scheduler;

    DurablePauses(DeskStateStore store, AgentScheduler scheduler, CamelContext camel) throws Exception {
        this.store = store;
        this.pausedAgents = new PausedAgents(store);
        this.scheduler = scheduler;
        camel.addStartupListener(this);
    }

    @Bean
    ComponentCustomizer pausedAgentsVeto() {
        return ComponentCustomizer.forType(QuartzComponent.class, quartz -> quartz.addScheduleInitTask(this::install));
    }

    private void install(Scheduler quartz) throws SchedulerException {
        quartz.getListenerManager().addTriggerListener(new Veto(), EverythingMatcher.allTriggers());
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the triggers are made as the routes start: see onCamelContextFullyStarted
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        Set<String> paused;
        try {
            paused = store.pausedAgents().keySet();
        } catch (RuntimeException e) {
            LOG.error("Stored pauses cannot be read ({}); scheduled fires are vetoed one by one instead", e.toString());
            return;
        }
        for (String agentId : paused) {
            try {
                scheduler.pause(agentId);
                LOG.info("Agent {} paused again (stored pause)", agentId);
            } catch (RuntimeException e) {
                LOG.warn("Stored pause of {} not applied: {}", agentId, e.getMessage());
            }
        }
    }

    /** Vetoes a scheduled or start-up fire of an agent whose pause is stored (and pauses its trigger then). */
    private final class Veto extends TriggerListenerSupport {
        @Override
        public String getName() {
            return "ztrade-paused-agents";
        }

        @Override
        public boolean vetoJobExecution(Trigger trigger, JobExecutionContext fire) {
            String agentId = trigger.getJobKey().getName();
            boolean scheduled = trigger.getKey().equals(TriggerKey.triggerKey(agentId, AgentScheduler.GROUP));
            boolean startup = RunTrigger.STARTUP.name().equals(fire.getMergedJobDataMap().getString(AgentRuns.TRIGGER_KEY));
            if (!AgentScheduler.GROUP.equals(trigger.getJobKey().getGroup()) || !scheduled && !startup) {
                return false;
            }
            try {
                if (!pausedAgents.paused(agentId)) {
                    return false;
                }
            } catch (RuntimeException e) {
                // the run goes on and the desk state, unreadable too, keeps it from placing an order
                return false;
            }
            LOG.info("Fire of paused agent {} vetoed ({})", agentId, scheduled ? "scheduled" : "start-up run");
            try {
                fire.getScheduler().pauseTrigger(TriggerKey.triggerKey(agentId, AgentScheduler.GROUP));
            } catch (SchedulerException e) {
                LOG.warn("Trigger of paused agent {} not paused: {}", agentId, e.getMessage());
            }
            return true;
        }
    }
}
