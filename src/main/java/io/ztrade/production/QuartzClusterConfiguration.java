package io.ztrade.production;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import io.ztrade.agent.ClusterRuns;
import javax.sql.DataSource;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.component.quartz.QuartzConstants;
import org.apache.camel.spi.ComponentCustomizer;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The agents' triggers in PostgreSQL (Quartz JDBC job store, clustered), handed to camel-quartz. The tables come
 * from Flyway ({@code db/vendor/postgresql/V2__quartz.sql}); Quartz borrows the application's connection pool.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ztrade.quartz.clustered", havingValue = "true")
class QuartzClusterConfiguration {

    /**
     * How many due triggers the scheduler takes per acquisition: as many as there are worker threads, so the agents
     * firing at the same second (a minute's cron) cost one locked acquisition per pool-full rather than one each, and
     * in memory one pass of the scheduler thread per pool-full. Quartz's default is 1. With the JDBC store it needs
     * {@code acquireTriggersWithinLock}; a node takes at most a pool-full at once, so the nodes still share a fire time.
     */
    static final String BATCH = "org.quartz.scheduler.batchTriggerAcquisitionMaxCount";

    /** The prefix of the job store's tables (Flyway's db/vendor/postgresql/V2__quartz.sql). */
    static final String TABLE_PREFIX = "QRTZ_";

    @Bean(destroyMethod = "")
    Scheduler ztradeQuartzScheduler(DataSource dataSource, QuartzClusterProperties settings) throws SchedulerException {
        // one name per application context, so two nodes in one JVM (tests) never share a pool or a scheduler
        String dataSourceName = "ztrade-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new PooledConnections(dataSource));
        Scheduler scheduler = new StdSchedulerFactory(properties(settings, dataSourceName)).getScheduler();
        // not the JVM-wide repository: the next context in this JVM gets its own scheduler, as another node would
        SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
        return scheduler;
    }

    /** The clustered scheduler's quartz.properties, its job store on the connection provider of that name. */
    static Properties properties(QuartzClusterProperties settings, String dataSourceName) {
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceName", settings.instanceName());
        quartz.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        quartz.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.threadCount()));
        quartz.setProperty(BATCH, Integer.toString(settings.threadCount()));
        quartz.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        quartz.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        quartz.setProperty("org.quartz.jobStore.tablePrefix", TABLE_PREFIX);
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval",
                Long.toString(settings.clusterCheckinInterval().toMillis()));
        quartz.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(settings.misfireThreshold().toMillis()));
        // job data as strings only: what one node stores, any other node (or version) can read
        quartz.setProperty("org.quartz.jobStore.useProperties", "true");
        quartz.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return quartz;
    }

    /**
     * Camel's quartz component uses this scheduler rather than making its own in-memory one. A stored job names
     * the CamelContext of the node that stored it, by management name; a node whose management name differs (two
     * nodes in one JVM get ztrade and ztrade-1) finds its context under the plain name {@code camel.main.name} too.
     */
    @Bean
    ComponentCustomizer clusteredQuartz(Scheduler ztradeQuartzScheduler) {
        return ComponentCustomizer.forType(QuartzComponent.class, quartz -> {
            quartz.setScheduler(ztradeQuartzScheduler);
            ztradeQuartzScheduler.getContext().put(QuartzConstants.QUARTZ_CAMEL_CONTEXT + "-"
                    + quartz.getCamelContext().getName(), quartz.getCamelContext());
        });
    }

    /** What the other nodes run, so a run now is refused for the whole cluster (io.ztrade.agent.RunNow). */
    @Bean
    ClusterRuns clusterRuns(DataSource dataSource, Scheduler ztradeQuartzScheduler) {
        return new QuartzClusterRuns(dataSource, ztradeQuartzScheduler, TABLE_PREFIX);
    }

    @Bean
    ClusterShutdown clusterShutdown(Scheduler ztradeQuartzScheduler) {
        return new ClusterShutdown(ztradeQuartzScheduler);
    }

    /** Stops this node's scheduler after Camel (whose routes it fires) has stopped. */
    static final class ClusterShutdown implements org.springframework.beans.factory.DisposableBean {

        private final Scheduler scheduler;

        ClusterShutdown(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void destroy() throws SchedulerException {
            if (!scheduler.isShutdown()) {
                scheduler.shutdown(true);
            }
        }
    }

    /** Quartz's view of the application's pool: Quartz sets auto-commit and commits itself. */
    private record PooledConnections(DataSource dataSource) implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to Spring, which closes it
        }

        @Override
        public void initialize() {
            // nothing to set up
        }
    }
}
