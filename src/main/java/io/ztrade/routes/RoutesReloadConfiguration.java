package io.ztrade.routes;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentScheduler;
import io.ztrade.desk.DeskStateStore;
import io.ztrade.plugins.Plugins;
import io.ztrade.plugins.StepSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Live reload of the route files ({@code ztrade.routes.reload.enabled}, on in the {@code dev} profile): the watcher,
 * the reloader and the {@code routes} health component. Refuses Camel's own route reload, whatever the profile: it
 * removes every route and Quartz trigger on each edit and cannot reload the Java routes (issue #13).
 */
@Configuration(proxyBeanMethods = false)
class RoutesReloadConfiguration {

    private static final String INCLUDE_PATTERN = "camel.main.routes-include-pattern";

    RoutesReloadConfiguration(Environment environment) {
        if (environment.getProperty("camel.main.routes-reload-enabled", Boolean.class, false)) {
            throw new IllegalStateException("camel.main.routes-reload-enabled=true: Camel's route reload removes every "
                    + "agent's route and trigger on each edit; use ztrade.routes.reload.enabled=true instead");
        }
    }

    /** The directory and file pattern of a single {@code file:<directory>/<pattern>} include pattern. */
    record WatchedFiles(Path directory, String glob) {

        static WatchedFiles of(String includePattern) {
            String pattern = includePattern == null ? "" : includePattern.trim();
            if (pattern.contains(",") || !pattern.startsWith("file:")) {
                throw new IllegalStateException("live reload (ztrade.routes.reload.enabled) watches one directory: "
                        + INCLUDE_PATTERN + " must be file:<directory>/*.yaml, got '" + includePattern + "'");
            }
            Path path = Path.of(pattern.substring("file:".length()));
            Path directory = path.getParent() == null ? Path.of(".") : path.getParent();
            if (!Files.isDirectory(directory)) {
                throw new IllegalStateException("live reload (ztrade.routes.reload.enabled): " + directory
                        + " (from " + INCLUDE_PATTERN + ") is not a directory");
            }
            return new WatchedFiles(directory, path.getFileName().toString());
        }
    }

    @Bean
    @ConditionalOnProperty(name = "ztrade.routes.reload.enabled", havingValue = "true")
    RoutesWatcher routesWatcher(CamelContext camel, Environment environment, RoutesReloadProperties properties,
                                RoutesStatus status, AgentCatalog catalog, AgentScheduler agents,
                                DeskStateStore pauses, Plugins plugins, StepSource steps,
                                ApplicationEventPublisher events) {
        WatchedFiles files = WatchedFiles.of(environment.getProperty(INCLUDE_PATTERN));
        RoutesApplier applier = new RoutesApplier(camel, catalog, agents, pauses);
        ScriptedStepBeans beans = new ScriptedStepBeans(camel, plugins, catalog, steps);
        RoutesReloader reloader = new RoutesReloader(camel, files.directory(), files.glob(), status, applier, beans,
                events);
        return new RoutesWatcher(reloader, properties.quietPeriod());
    }

    @Bean
    @ConditionalOnProperty(name = "ztrade.routes.reload.enabled", havingValue = "true")
    RoutesHealth routesHealthIndicator(RoutesStatus status) {
        return new RoutesHealth(status);
    }
}
