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

    /** Quartz's quartz.properties, with the thread count and the misfire threshold from {@code ztrade.quartz}. */
    static Map<String, Object> properties(QuartzClusterProperties settings) {
        return Map.of(
                "org.quartz.scheduler.instanceName", settings.instanceName(),
                "org.quartz.scheduler.rmi.export", "false",
                "org.quartz.scheduler.rmi.proxy", "false",
                "org.quartz.scheduler.wrapJobExecutionInUserTransaction", "false",
                "org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool",
                "org.quartz.threadPool.threadCount", Integer.toString(settings.threadCount()),
                "org.quartz.threadPool.threadPriority", "5",
                "org.quartz.threadPool.threadsInheritContextClassLoaderOfInitializingThread", "true",
                "org.quartz.jobStore.misfireThreshold", Long.toString(settings.misfireThreshold().toMillis()),
                "org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    }
}
