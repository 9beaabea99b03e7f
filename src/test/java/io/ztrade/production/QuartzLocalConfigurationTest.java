package io.ztrade.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * The in-memory scheduler takes its worker threads from ztrade.quartz.thread-count (camel-quartz has no such option);
 * both schedulers take the triggers due at once a pool-full at a time.
 */
class QuartzLocalConfigurationTest {

    @Test
    void theInMemorySchedulerHasTheConfiguredThreadsAndMisfireThreshold() throws Exception {
        QuartzClusterProperties settings = new QuartzClusterProperties(false, "ztrade", Duration.ofSeconds(10),
                Duration.ofSeconds(45), 3);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            QuartzComponent quartz = new QuartzComponent();
            new QuartzLocalConfiguration().localQuartzThreads(settings).configure("quartz", quartz);
            camel.addComponent("quartz", quartz);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("quartz:agents/a1?cron=0+0+0+1+1+?+2099").to("log:never");
                }
            });
            camel.start();

            assertThat(quartz.getScheduler().getMetaData().getThreadPoolSize()).isEqualTo(3);
            assertThat(quartz.getScheduler().getMetaData().isJobStoreClustered()).isFalse();
            assertThat(quartz.getProperties()).containsEntry("org.quartz.jobStore.misfireThreshold", "45000")
                    // the triggers due at once taken a pool-full at a time, not one by one
                    .containsEntry("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "3");
        }
    }

    @Test
    void theClusteredSchedulerTakesThePoolFullOfDueTriggersInOneLockedAcquisition() {
        QuartzClusterProperties settings = new QuartzClusterProperties(true, "ztrade", Duration.ofSeconds(10),
                Duration.ofSeconds(60), 4);
        assertThat(QuartzClusterConfiguration.properties(settings, "pool"))
                .containsEntry("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "4")
                // Quartz's condition for batches from the JDBC store
                .containsEntry("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    }
}
