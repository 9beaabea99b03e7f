package io.ztrade.agent;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * With {@code ztrade.run-on-start} dry (the embedded default) or trade, every agent runs once as soon as Camel has
 * started its routes, so a newcomer sees runs at once instead of waiting for the next cron slot. Market hours still
 * apply. A dry start-up run goes through every step for real but places no order (the template's {@code dryRun}
 * step records it DRY_RUN); only trade lets it trade.
 */
@Component
class StartupRuns implements ExtendedStartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(StartupRuns.class);

    private final AgentCatalog catalog;
    private final AgentScheduler scheduler;
    private final RunOnStart mode;

    StartupRuns(AgentCatalog catalog, AgentScheduler scheduler, CamelContext camel, RunOnStartProperties properties)
            throws Exception {
        this.catalog = catalog;
        this.scheduler = scheduler;
        this.mode = properties.runOnStart();
        if (mode != RunOnStart.OFF) {
            camel.addStartupListener(this);
        }
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // routes are not all running yet; wait for onCamelContextFullyStarted
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        String kind = mode == RunOnStart.TRADE ? "may trade (ztrade.run-on-start=trade)"
                : "dry run, no order (ztrade.run-on-start=trade would trade)";
        for (AgentSettings agent : catalog.all()) {
            LOG.info("Start-up run of {} ({}, cron '{}'): {}", agent.agentId(), agent.symbol(), agent.cron(), kind);
            scheduler.runNow(agent.agentId(), RunTrigger.STARTUP, false);
        }
    }
}
