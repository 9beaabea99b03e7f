package io.ztrade.desk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.ztrade.PipelineTestSupport;
import io.ztrade.ZtradeApplication;
import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentScheduler;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default (H2 file, Quartz in memory) restarted on the same database file: the kill switch and a pause
 * are still there, and neither the start-up runs nor the schedule place an order or run the paused agent. Before the
 * durable desk state both were gone after the restart (the switch was an AtomicBoolean, the pause a RAM trigger state).
 */
class DeskStateRestartTest {

    private final WireMockServer news = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final String file = "./target/desk-restart/" + UUID.randomUUID() + "/ztrade";
    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        news.stop();
    }

    private ConfigurableApplicationContext start() {
        if (!news.isRunning()) {
            news.start();
            news.stubFor(get(urlPathEqualTo("/query")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(PipelineTestSupport.BULLISH_NEWS)));
        }
        return new SpringApplicationBuilder(ZtradeApplication.class).profiles("test").run(
                "--spring.datasource.url=jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--server.port=0", "--spring.jmx.unique-names=true", "--camel.springboot.main-run-controller=false",
                // two crypto agents firing every 2 s, bullish news: every run is a BUY
                "--camel.main.routes-include-pattern=file:routes/agent-template.yaml,classpath:routes/cluster-agents.yaml",
                "--ztrade.alphavantage.base-url=" + news.baseUrl(),
                "--ztrade.run-on-start=true");
    }

    @Test
    void theKillSwitchAndAPauseSurviveARestart() {
        app = start();
        await().atMost(Duration.ofSeconds(60)).until(() -> orders("cluster_fast", Instant.EPOCH) >= 1);
        app.getBean(DeskOperations.class).killSwitch(true);
        app.getBean(DeskOperations.class).pause("cluster_slow");
        app.close();

        Instant restarted = Instant.now();
        app = start();
        JdbcTemplate sql = app.getBean(JdbcTemplate.class);
        // the start-up run and at least two scheduled fires of cluster_fast since the restart
        await().atMost(Duration.ofSeconds(60)).until(() -> runs(sql, "cluster_fast", restarted).size() >= 3);

        assertThat(runs(sql, "cluster_fast", restarted)).as("status and client order id of each run since the restart")
                .allSatisfy(run -> {
                    assertThat(run.get("status")).isEqualTo("BLOCKED_KILL_SWITCH");
                    assertThat(run.get("client_order_id")).isNull();
                    assertThat((String) run.get("note")).contains("desk HALTED by jmx (kill-switch)");
                });
        assertThat(runs(sql, "cluster_slow", restarted)).as("runs of the paused agent since the restart").isEmpty();
        assertThat(app.getBean(AgentScheduler.class).schedule(app.getBean(AgentCatalog.class).get("cluster_slow")).paused())
                .isTrue();
        assertThat(app.getBean(DeskOperations.class).killSwitchEngaged()).isTrue();
    }

    private long orders(String agentId, Instant since) {
        return runs(app.getBean(JdbcTemplate.class), agentId, since).stream().filter(r -> r.get("client_order_id") != null).count();
    }

    private static List<Map<String, Object>> runs(JdbcTemplate sql, String agentId, Instant since) {
        return sql.queryForList("SELECT status, client_order_id, note FROM agent_runs WHERE agent_id = ? AND started_at >= ?",
                agentId, Timestamp.from(since));
    }
}
