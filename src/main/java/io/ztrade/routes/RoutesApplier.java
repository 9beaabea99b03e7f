package io.ztrade.routes;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentScheduler;
import io.ztrade.desk.DeskStateStore;
import java.util.HashSet;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link RoutesChange} to the running context through Camel's model: the removed and changed routes are
 * stopped and removed with their triggers, changed templates and route configurations are replaced, and the added
 * and changed routes are added from their new definitions (new triggers). Routes the edit did not touch keep running
 * with their triggers. An agent whose trigger was paused, or whose pause is stored, is paused again.
 * {@link #restore} puts the routes of the last good files back when applying fails halfway.
 */
final class RoutesApplier {

    private static final Logger LOG = LoggerFactory.getLogger(RoutesApplier.class);

    private final CamelContext camel;
    private final AgentCatalog catalog;
    private final AgentScheduler agents;
    private final DeskStateStore pauses;
    /** Agents whose trigger was paused when their route was removed by this change. */
    private final Set<String> paused = new HashSet<>();

    RoutesApplier(CamelContext camel, AgentCatalog catalog, AgentScheduler agents, DeskStateStore pauses) {
        this.camel = camel;
        this.catalog = catalog;
        this.agents = agents;
        this.pauses = pauses;
    }

    void apply(RoutesChange change, RouteDefinitions after) throws Exception {
        paused.clear();
        for (String id : change.toRemove()) {
            if (camel.getRoute(id) != null && isPaused(id)) {
                paused.add(id);
            }
            removeRoute(id);
            deleteStoredTrigger(id);
        }
        replace(change, after);
        for (String id : change.toAdd()) {
            addRoute(id, after);
        }
    }

    /** Best effort: the routes, templates and configurations of {@code before}, as they ran before the change. */
    void restore(RoutesChange change, RouteDefinitions before) {
        for (String id : change.toAdd()) {
            quietly("remove route " + id, () -> removeRoute(id));
        }
        quietly("restore templates and route configurations", () -> replace(change, before));
        for (String id : change.toRemove()) {
            quietly("restore route " + id, () -> addRoute(id, before));
        }
    }

    private void replace(RoutesChange change, RouteDefinitions definitions) throws Exception {
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        for (String id : change.templates()) {
            RouteTemplateDefinition running = model.getRouteTemplateDefinition(id);
            if (running != null) {
                model.removeRouteTemplateDefinition(running);
            }
            if (definitions.templates().containsKey(id)) {
                model.addRouteTemplateDefinition(definitions.templates().get(id));
            }
        }
        for (String id : change.configurations()) {
            RouteConfigurationDefinition running = model.getRouteConfigurationDefinition(id);
            // without a configuration of that id the model answers the global one: keep that
            if (running != null && id.equals(running.getId())) {
                model.removeRouteConfiguration(running);
            }
            if (definitions.configurations().containsKey(id)) {
                model.addRouteConfiguration(definitions.configurations().get(id));
            }
        }
    }

    private void addRoute(String id, RouteDefinitions definitions) throws Exception {
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        TemplatedRouteDefinition templated = definitions.templatedRoutes().get(id);
        RouteDefinition plain = definitions.routes().get(id);
        if (templated != null) {
            model.addRouteFromTemplatedRoute(templated);
        } else if (plain != null) {
            model.addRouteDefinition(plain);
        } else {
            return;
        }
        pauseAgain(id);
    }

    private void removeRoute(String id) throws Exception {
        if (camel.getRoute(id) != null) {
            camel.getRouteController().stopRoute(id);
            camel.removeRoute(id);
        }
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        RouteDefinition left = model.getRouteDefinition(id);
        if (left != null) {
            // a route that failed to start leaves its definition behind
            model.removeRouteDefinition(left);
        }
    }

    private void pauseAgain(String id) {
        if (catalog.find(id).isEmpty()) {
            return; // not an agent
        }
        boolean stored;
        try {
            stored = pauses.paused(id);
        } catch (RuntimeException e) {
            // the pause veto (io.ztrade.desk.DurablePauses) still reads the store before each scheduled fire
            LOG.warn("Stored pause of {} not read after reload: {}", id, e.getMessage());
            stored = false;
        }
        if (stored || paused.contains(id)) {
            agents.pause(id);
            LOG.info("Agent {} paused again after reload ({})", id, stored ? "stored pause" : "its trigger was paused");
        }
    }

    private boolean isPaused(String id) throws SchedulerException {
        TriggerKey key = TriggerKey.triggerKey(id, AgentScheduler.GROUP);
        return quartz().getTriggerState(key) == Trigger.TriggerState.PAUSED;
    }

    /**
     * camel-quartz deletes the trigger of a removed route, except in a clustered job store (production), where it
     * leaves it for the other nodes: a removed agent must not fire anywhere, and a changed one gets its trigger
     * afresh from its new route (cron, time zone and misfire rule alike), so the stored trigger and job go here.
     */
    private void deleteStoredTrigger(String id) throws SchedulerException {
        Scheduler quartz = quartz();
        TriggerKey key = TriggerKey.triggerKey(id, AgentScheduler.GROUP);
        Trigger trigger = quartz.getTrigger(key);
        if (trigger != null) {
            quartz.unscheduleJob(key);
            if (quartz.checkExists(trigger.getJobKey())) {
                quartz.deleteJob(trigger.getJobKey());
            }
            LOG.info("Deleted the stored trigger of agent {} (its route was removed)", id);
        }
    }

    private Scheduler quartz() {
        return camel.getComponent("quartz", QuartzComponent.class).getScheduler();
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(String what, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            LOG.error("Reload rollback: cannot {}: {}", what, e.toString());
        }
    }
}
