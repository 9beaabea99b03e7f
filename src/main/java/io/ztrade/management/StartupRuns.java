package io.ztrade.management;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.RunTrigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The embedded default fires every agent once as soon as the app is up, so a newcomer sees runs at once instead
 * of waiting for the next cron slot. Market hours still apply.
 */
@Component
@ConditionalOnProperty(name = "ztrade.run-on-start", havingValue = "true")
class StartupRuns {

    private static final Logger LOG = LoggerFactory.getLogger(StartupRuns.class);

    private final AgentCatalog catalog;
    private final AgentScheduler scheduler;

    StartupRuns(AgentCatalog catalog, AgentScheduler scheduler) {
        this.catalog = catalog;
        this.scheduler = scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    void runEveryAgentOnce() {
        for (AgentSettings agent : catalog.all()) {
            LOG.info("Start-up run of {} ({}, cron '{}')", agent.agentId(), agent.symbol(), agent.cron());
            scheduler.runNow(agent.agentId(), RunTrigger.STARTUP, false);
        }
    }
}
