package io.ztrade.management;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.RunTrigger;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded default fires every agent once as soon as Camel has started its routes, so a newcomer sees runs at
 * once instead of waiting for the next cron slot. Market hours still apply.
 */
@Component
@ConditionalOnProperty(name = "ztrade.run-on-start", havingValue = "true")
class StartupRuns implements ExtendedStartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(StartupRuns.class);

    private final AgentCatalog catalog;
    private final AgentScheduler scheduler;

    StartupRuns(AgentCatalog catalog, AgentScheduler scheduler, CamelContext camel) throws Exception {
        this.catalog = catalog;
        this.scheduler = scheduler;
        camel.addStartupListener(this);
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // routes are not all running yet; wait for onCamelContextFullyStarted
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        for (AgentSettings agent : catalog.all()) {
            LOG.info("Start-up run of {} ({}, cron '{}')", agent.agentId(), agent.symbol(), agent.cron());
            scheduler.runNow(agent.agentId(), RunTrigger.STARTUP, false);
        }
    }
}
