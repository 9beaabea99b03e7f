package io.ztrade.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.AgentScheduler;
import io.ztrade.records.RunJournal;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Health;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL cut off mid-schedule (through a TCP proxy): the runs still finish, their records wait in the journal
 * (health shows how many), and once PostgreSQL is back each record is in agent_runs exactly once.
 */
@io.ztrade.MostlyWaits
class RunJournalTest {

    private String database;
    private TcpProxy postgres;
    private AlpacaStub news;
    private ConfigurableApplicationContext node;
    private final String prefix = ProductionServices.redisPrefix();

    @BeforeEach
    void start() throws Exception {
        ProductionServices.requireRedis();
        database = ProductionServices.createDatabase("journal");
        postgres = new TcpProxy(ProductionServices.PG_HOST, ProductionServices.PG_PORT);
        news = new AlpacaStub();
        node = Node.start(ProductionServices.jdbcUrl("127.0.0.1", postgres.port(), database),
                "classpath:routes/test-agents.yaml",
                "--spring.datasource.hikari.connection-timeout=500",
                // the scheduler needs the database too; this test triggers runs by hand, so keep Quartz in memory
                "--ztrade.quartz.clustered=false",
                "--ztrade.redis.key-prefix=" + prefix,
                "--ztrade.alphavantage.base-url=" + news.url());
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        postgres.close();
        news.close();
        ProductionServices.dropDatabase(database);
        ProductionServices.deleteRedisKeys(prefix);
    }

    @Test
    void recordsWrittenWhilePostgresIsDownReachItOnceWhenItIsBack() throws Exception {
        RunJournal journal = node.getBean(RunJournal.class);
        AgentScheduler scheduler = node.getBean(AgentScheduler.class);
        scheduler.runNow("test_crypto", RunTrigger.MANUAL, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> rows() == 1);

        postgres.cut();
        for (int i = 0; i < 3; i++) {
            scheduler.runNow("test_crypto", RunTrigger.MANUAL, false);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> journal.backlog() == 3);
        assertThat(backlogInHealth()).isEqualTo(3);
        assertThat(rows()).isEqualTo(1);
        List<String> journalled = Files.readAllLines(journal.file());

        postgres.restore();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> journal.backlog() == 0);
        assertThat(rows()).isEqualTo(4);
        assertThat(backlogInHealth()).isZero();

        // a record the database took although the writer never heard back is not written twice
        Files.write(journal.file(), journalled, StandardOpenOption.APPEND);
        assertThat(journal.replay()).isEqualTo(3);
        assertThat(journal.backlog()).isZero();
        assertThat(rows()).isEqualTo(4);
        assertThat(runIdsStoredMoreThanOnce()).isEmpty();
    }

    private int backlogInHealth() {
        HealthComponent component = node.getBean(HealthEndpoint.class).healthForPath("runJournal");
        Map<String, Object> details = ((Health) component).getDetails();
        return ((Number) details.get("backlog")).intValue();
    }

    private int rows() throws Exception {
        try (Connection connection = ProductionServices.connect(database); Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT count(*) FROM agent_runs")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private List<String> runIdsStoredMoreThanOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = ProductionServices.connect(database); Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT run_id FROM agent_runs GROUP BY run_id HAVING count(*) > 1")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
