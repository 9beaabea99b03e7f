package io.ztrade.production;

import java.util.Map;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The in-memory Quartz scheduler camel-quartz makes when the job store is not clustered (the embedded default):
 * Quartz's own defaults with {@code ztrade.quartz.thread-count} worker threads and misfire threshold, the same
 * settings the clustered scheduler reads. camel-quartz has no thread-pool option of its own: without these
 * properties it reads Quartz's {@code quartz.properties} (10 threads), whatever {@code camel.component.quartz.*} says.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ztrade.quartz.clustered", havingValue = "false", matchIfMissing = true)
class QuartzLocalConfiguration {

    @Bean
    ComponentCustomizer localQuartzThreads(QuartzClusterProperties settings) {
        return ComponentCustomizer.forType(QuartzComponent.class, quartz -> quartz.setProperties(properties(settings)));
    }

    /**
     * Quartz's quartz.properties, with the thread count and the misfire threshold from {@code ztrade.quartz}, and the
     * triggers due at once acquired in batches that fill the pool ({@link QuartzClusterConfiguration#BATCH}).
     */
    static Map<String, Object> properties(QuartzClusterProperties settings) {
        return Map.ofEntries(
                Map.entry("org.quartz.scheduler.instanceName", settings.instanceName()),
                Map.entry("org.quartz.scheduler.rmi.export", "false"),
                Map.entry("org.quartz.scheduler.rmi.proxy", "false"),
                Map.entry("org.quartz.scheduler.wrapJobExecutionInUserTransaction", "false"),
                Map.entry(QuartzClusterConfiguration.BATCH, Integer.toString(settings.threadCount())),
                Map.entry("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool"),
                Map.entry("org.quartz.threadPool.threadCount", Integer.toString(settings.threadCount())),
                Map.entry("org.quartz.threadPool.threadPriority", "5"),
                Map.entry("org.quartz.threadPool.threadsInheritContextClassLoaderOfInitializingThread", "true"),
                Map.entry("org.quartz.jobStore.misfireThreshold", Long.toString(settings.misfireThreshold().toMillis())),
                Map.entry("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore"));
    }
}
