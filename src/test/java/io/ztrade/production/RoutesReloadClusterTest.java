package io.ztrade.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ztrade.routes.RoutesStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Live reload (io.ztrade.routes) on the production profile's clustered Quartz job store in PostgreSQL, where
 * camel-quartz leaves a removed route's trigger for the other nodes: each edit must leave the stored job and trigger
 * rows of the agents it does not touch as they were, add the new agent's, and remove only a removed agent's; an edit
 * that fails validation changes no row. The routes are a temporary copy (the template and
 * src/test/resources/routes/reload-agents.yaml), never routes/.
 */
class RoutesReloadClusterTest {

    private static final List<String> AGENTS = List.of("reload_a", "reload_b", "reload_c");

    @TempDir
    Path routes;
    private String database;

    @BeforeEach
    void database() {
        ProductionServices.requireRedis();
        database = ProductionServices.createDatabase("reload");
    }

    @AfterEach
    void drop() {
        ProductionServices.dropDatabase(database);
    }

    @Test
    void eachEditChangesOnlyTheStoredJobsOfTheAgentsItTouches() throws Exception {
        String baseline = Files.readString(Path.of("src/test/resources/routes/reload-agents.yaml"));
        Files.copy(Path.of("routes/agent-template.yaml"), routes.resolve("agent-template.yaml"));
        Files.writeString(routes.resolve("agents.yaml"), baseline);
        String withD = baseline + """

                - templatedRoute:
                    routeTemplateRef: trading-agent
                    routeId: reload_d
                    parameters:
                      - { name: symbol, value: SPY }
                      - { name: cron, value: "0 0 0 1 4 ? 2099" }
                """;

        try (ConfigurableApplicationContext node = Node.start(ProductionServices.jdbcUrl(database),
                "file:" + routes + "/*.yaml", "--camel.main.routes-include-pattern=file:" + routes + "/*.yaml",
                "--ztrade.routes.reload.enabled=true", "--ztrade.redis.key-prefix=" + ProductionServices.redisPrefix())) {
            RoutesStatus status = node.getBean(RoutesStatus.class);
            Map<String, String> started = storedJobs();
            assertThat(started).containsOnlyKeys(AGENTS);

            reload(status, withD, RoutesStatus.State.APPLIED);
            Map<String, String> added = storedJobs();
            assertThat(added).containsOnlyKeys("reload_a", "reload_b", "reload_c", "reload_d");
            assertThat(added).as("the others' job and trigger rows, as they were").containsAllEntriesOf(started);

            reload(status, withD + "\n- templatedRoute: [unclosed\n", RoutesStatus.State.BROKEN);
            assertThat(storedJobs()).as("a broken edit changes no row").isEqualTo(added);

            String withoutB = withD.replace(withD.substring(withD.indexOf("- templatedRoute:\n    routeTemplateRef: trading-agent\n    routeId: reload_b"),
                    withD.indexOf("- templatedRoute:\n    routeTemplateRef: trading-agent\n    routeId: reload_c")), "");
            reload(status, withoutB, RoutesStatus.State.APPLIED);
            Map<String, String> removed = new TreeMap<>(added);
            removed.remove("reload_b");
            assertThat(storedJobs()).as("only reload_b's rows go").isEqualTo(removed);
        }
    }

    /** Writes agents.yaml as an editor saves (a new file moved over the old) and waits for the watcher's reading. */
    private void reload(RoutesStatus status, String agents, RoutesStatus.State expected) throws Exception {
        long checks = status.view().checks();
        Path next = routes.resolve(".agents.yaml.tmp");
        Files.writeString(next, agents);
        Files.move(next, routes.resolve("agents.yaml"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        await().atMost(Duration.ofSeconds(60)).until(() -> status.view().checks() > checks);
        assertThat(status.view().state()).as(String.valueOf(status.view().problems())).isEqualTo(expected);
    }

    /** Each agent's stored job and trigger, as PostgreSQL holds them (a recreated trigger has a new start time). */
    private Map<String, String> storedJobs() throws Exception {
        Map<String, String> jobs = new TreeMap<>();
        try (Connection db = ProductionServices.connect(database); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT t.trigger_name, t.job_name, t.trigger_state, t.start_time,"
                     + " t.next_fire_time, c.cron_expression, j.job_class_name FROM qrtz_triggers t"
                     + " JOIN qrtz_job_details j ON j.sched_name = t.sched_name AND j.job_name = t.job_name"
                     + " AND j.job_group = t.job_group LEFT JOIN qrtz_cron_triggers c ON c.sched_name = t.sched_name"
                     + " AND c.trigger_name = t.trigger_name AND c.trigger_group = t.trigger_group"
                     + " WHERE t.trigger_group = 'agents'")) {
            while (rows.next()) {
                jobs.put(rows.getString(1), String.join(" ", rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getString(7)));
            }
        }
        // jobs without a trigger would fire nowhere but still be rows the reload left behind
        try (Connection db = ProductionServices.connect(database); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT job_name FROM qrtz_job_details WHERE job_group = 'agents'"
                     + " AND NOT EXISTS (SELECT 1 FROM qrtz_triggers t WHERE t.job_name = qrtz_job_details.job_name"
                     + " AND t.job_group = qrtz_job_details.job_group)")) {
            while (rows.next()) {
                jobs.put(rows.getString(1), "job without a trigger");
            }
        }
        return jobs;
    }
}
