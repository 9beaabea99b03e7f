package io.ztrade.agent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.ContextEvents;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.spi.StartupConditionStrategy;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.CamelConfigurationProperties;
import org.apache.camel.spring.boot.CamelSpringBootApplicationController;
import org.apache.camel.spring.boot.SpringBootCamelContext;
import org.apache.camel.spring.spi.CamelBeanPostProcessor;
import org.apache.camel.support.ResetableClock;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * camel-spring-boot's CamelContext with its MBeans' info made once per class ({@link CachedMBeanInfoAssembler}) and
 * two changes to the duplicate node-id check, so that the start-up of 5,000 agents no longer compares every route
 * with every other (docs/benchmarks.md). Same rule, same error:
 * <ul>
 * <li>the routes a start builds are checked in one pass ({@link UniqueNodeIds}) and then handed to Camel a
 * few at a time, so Camel's own check (run per route against the routes it is given) compares a route with those
 * few only;</li>
 * <li>a route made from a template before the context is initialised ({@code routes/} at start-up) is checked by
 * Camel against itself only: Camel 4.17 would also compare it with every route already in the model, which the
 * start's one-pass check over all of them does anyway (and with the node-id prefix the agent ends up with, where
 * the template-time check sees Camel's temporary {@code route-N} prefix). A running context (a route reload) and a
 * route that replaces one of the same id keep Camel's own path.</li>
 * </ul>
 */
public class AgentsCamelContext extends SpringBootCamelContext {

    AgentsCamelContext(ApplicationContext application, boolean warnOnEarlyShutdown,
            CamelSpringBootApplicationController controller) {
        super(application, warnOnEarlyShutdown, controller);
        getCamelContextExtension().setManagementMBeanAssembler(new CachedMBeanInfoAssembler(this));
    }

    @Override
    public void startRouteDefinitions(List<RouteDefinition> routes) throws Exception {
        if (routes.size() < 2) {
            super.startRouteDefinitions(routes);
            return;
        }
        UniqueNodeIds.Duplicate duplicate = UniqueNodeIds.firstDuplicate(routes);
        if (duplicate != null) {
            // Camel's own words for it
            throw new FailedToStartRouteException(duplicate.routeId(), "duplicate id detected: " + duplicate.id()
                    + ". Please correct ids to be unique among all your routes.");
        }
        // in chunks of about the square root of their number: Camel compares a chunk's routes with each other (n x k
        // in all) and, to assign route ids, gathers the ids of every route in the model once per chunk (n x n / k)
        int chunk = Math.max(1, (int) Math.sqrt(routes.size()));
        for (int from = 0; from < routes.size(); from += chunk) {
            super.startRouteDefinitions(new ArrayList<>(routes.subList(from, Math.min(routes.size(), from + chunk))));
        }
    }

    /**
     * Camel's model adds them one by one, past this context: here each is made against an empty model, the model's
     * other routes (those loaded before and those of this batch) set aside for the whole batch and put back in order,
     * so a route costs the same whatever the number of routes before it.
     */
    @Override
    public void addRouteFromTemplatedRoutes(Collection<TemplatedRouteDefinition> templated) throws Exception {
        if (!(isNew() || isBuild())) {
            for (TemplatedRouteDefinition route : templated) {
                super.addRouteFromTemplatedRoute(route);
            }
            return;
        }
        List<RouteDefinition> model = getRouteDefinitions();
        List<RouteDefinition> aside = new ArrayList<>(model);
        Set<String> ids = new HashSet<>();
        aside.forEach(route -> ids.add(route.getRouteId()));
        model.clear();
        try {
            for (TemplatedRouteDefinition route : templated) {
                if (route.getRouteId() == null || ids.contains(route.getRouteId())) {
                    // Camel's own path, against the whole model (a route that replaces one of the same id)
                    model.addAll(aside);
                    aside.clear();
                }
                super.addRouteFromTemplatedRoute(route);
                aside.addAll(model);
                model.forEach(added -> ids.add(added.getRouteId()));
                model.clear();
            }
        } finally {
            List<RouteDefinition> added = new ArrayList<>(model);
            model.clear();
            model.addAll(aside);
            model.addAll(added);
        }
    }

    @Override
    public void addRouteFromTemplatedRoute(TemplatedRouteDefinition templated) throws Exception {
        addRouteFromTemplatedRoutes(List.of(templated));
    }

    /** Replaces camel-spring-boot's context bean (CamelAutoConfiguration#camelContext), wired the same way. */
    @Configuration(proxyBeanMethods = false)
    static class Installation {
        @Bean(destroyMethod = "")
        CamelContext camelContext(ApplicationContext application, CamelConfigurationProperties config,
                CamelBeanPostProcessor beanPostProcessor, StartupConditionStrategy startupConditions) throws Exception {
            ResetableClock boot = new ResetableClock();
            CamelSpringBootApplicationController controller = new CamelSpringBootApplicationController(application);
            CamelContext camel = new AgentsCamelContext(application, config.getMain().isWarnOnEarlyShutdown(), controller);
            camel.getClock().add(ContextEvents.BOOT, boot);
            controller.setCamelContext(camel);
            beanPostProcessor.setCamelContext(camel);
            camel.getCamelContextExtension().addContextPlugin(CamelBeanPostProcessor.class, beanPostProcessor);
            camel.getCamelContextExtension().addContextPlugin(StartupConditionStrategy.class, startupConditions);
            return CamelAutoConfiguration.doConfigureCamelContext(application, camel, config, controller);
        }
    }
}
