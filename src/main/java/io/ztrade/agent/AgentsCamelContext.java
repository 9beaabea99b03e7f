package io.ztrade.agent;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ContextEvents;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.model.RouteDefinition;
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
 * camel-spring-boot's CamelContext with one change: the routes a start builds are checked for duplicate node ids in
 * one pass ({@link UniqueNodeIds}) and then handed to Camel one at a time, so Camel's own check (run per route
 * against the routes it is given) compares a route with itself only. Same rule, same error; the start-up of 5,000
 * agents no longer compares every route with every other (docs/benchmarks.md).
 */
public class AgentsCamelContext extends SpringBootCamelContext {

    AgentsCamelContext(ApplicationContext application, boolean warnOnEarlyShutdown,
            CamelSpringBootApplicationController controller) {
        super(application, warnOnEarlyShutdown, controller);
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
        for (RouteDefinition route : routes) {
            super.startRouteDefinitions(new ArrayList<>(List.of(route)));
        }
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
