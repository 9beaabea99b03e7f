package io.ztrade.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The stored triggers follow routes/ across restarts: a new cron or time zone reschedules the agent's trigger,
 * and an agent removed from routes/ loses its trigger.
 */
class AgentTriggersTest {

    private static final String ROUTE = """
            - route:
                id: %1$s
                from:
                  uri: "quartz:agents/%1$s"
                  parameters:
                    cron: "%2$s"
                    trigger.timeZone: %3$s
                    stateful: true
                    trigger.misfireInstruction: 2
                  steps:
                    - log: "tick"
            """;

    @TempDir
    Path routes;
    private String database;

    @BeforeEach
    void database() {
        ProductionServices.requireRedis();
        database = ProductionServices.createDatabase("triggers");
    }

    @AfterEach
    void drop() {
        ProductionServices.dropDatabase(database);
    }

    @Test
    void aChangedCronOrTimeZoneReschedulesAndARemovedAgentLosesItsTrigger() throws Exception {
        Path v1 = routes.resolve("v1.yaml");
        Files.writeString(v1, ROUTE.formatted("recon_kept", "0 0 12 * * ?", "America/New_York")
                + ROUTE.formatted("recon_zone", "0 30 9 * * ?", "America/New_York")
                + ROUTE.formatted("recon_gone", "0 0 8 * * ?", "America/New_York"));
        try (ConfigurableApplicationContext node = start(v1)) {
            CronTrigger kept = cron(node, "recon_kept");
            assertThat(kept.getCronExpression()).isEqualTo("0 0 12 * * ?");
            assertThat(cron(node, "recon_gone")).isNotNull();
        }

        Path v2 = routes.resolve("v2.yaml");
        Files.writeString(v2, ROUTE.formatted("recon_kept", "0 15 13 * * ?", "America/New_York")
                + ROUTE.formatted("recon_zone", "0 30 9 * * ?", "Europe/London"));
        try (ConfigurableApplicationContext node = start(v2)) {
            CronTrigger kept = cron(node, "recon_kept");
            assertThat(kept.getCronExpression()).isEqualTo("0 15 13 * * ?");
            CronTrigger zone = cron(node, "recon_zone");
            assertThat(zone.getCronExpression()).isEqualTo("0 30 9 * * ?");
            assertThat(zone.getTimeZone().getID()).isEqualTo("Europe/London");
            // the template's misfire rule survives the reschedule: a missed fire time is skipped
            assertThat(zone.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
            assertThat(scheduler(node).getTrigger(TriggerKey.triggerKey("recon_gone", AgentTriggers.GROUP))).isNull();
        }
    }

    private ConfigurableApplicationContext start(Path routesFile) {
        return Node.start(ProductionServices.jdbcUrl(database), "file:" + routesFile.toAbsolutePath(),
                "--ztrade.redis.key-prefix=" + ProductionServices.redisPrefix());
    }

    private static CronTrigger cron(ConfigurableApplicationContext node, String agentId) throws Exception {
        Trigger trigger = scheduler(node).getTrigger(TriggerKey.triggerKey(agentId, AgentTriggers.GROUP));
        return (CronTrigger) trigger;
    }

    private static Scheduler scheduler(ConfigurableApplicationContext node) {
        return node.getBean(CamelContext.class).getComponent("quartz", QuartzComponent.class).getScheduler();
    }
}
