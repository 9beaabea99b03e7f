package io.ztrade.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Live reload through the dev profile's own file watcher, on a temporary copy of a routes directory (the shipped
 * template and src/test/resources/routes/reload-agents.yaml), never the real routes/.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "dev"})
class RoutesReloadTest {

    private static final Path DIR = copyOfRoutes();
    private static final Path AGENTS = DIR.resolve("agents.yaml");

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private CamelContext camel;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("camel.main.routes-include-pattern", () -> "file:" + DIR + "/*.yaml");
        // should Camel's own reload ever be on again, it watches the copy too
        registry.add("camel.main.routes-reload-directory", DIR::toString);
    }

    private static Path copyOfRoutes() {
        try {
            Path dir = Files.createTempDirectory("ztrade-reload-");
            Files.copy(Path.of("routes/agent-template.yaml"), dir.resolve("agent-template.yaml"));
            Files.copy(Path.of("src/test/resources/routes/reload-agents.yaml"), dir.resolve("agents.yaml"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void addingAnAgentSchedulesItAndLeavesTheOthersAlone() throws Exception {
        Trigger a = trigger("reload_a");
        Trigger b = trigger("reload_b");

        append(agent("reload_d", "SPY", "0 0 0 1 4 ? 2099"));

        await().atMost(Duration.ofSeconds(60)).until(() -> agentIds().contains("reload_d"));
        assertThat(agentIds()).containsExactlyInAnyOrder("reload_a", "reload_b", "reload_c", "reload_d");
        assertThat(trigger("reload_d").getNextFireTime()).isNotNull();
        assertThat(trigger("reload_a").getStartTime()).isEqualTo(a.getStartTime());
        assertThat(trigger("reload_b").getStartTime()).isEqualTo(b.getStartTime());
    }

    private List<String> agentIds() {
        JsonNode agents = http.withBasicAuth("viewer", "test-viewer-password").getForObject("/api/agents", JsonNode.class);
        List<String> ids = new ArrayList<>();
        agents.forEach(agent -> ids.add(agent.get("id").asText()));
        return ids;
    }

    private Trigger trigger(String agentId) throws SchedulerException {
        return camel.getComponent("quartz", QuartzComponent.class).getScheduler()
                .getTrigger(TriggerKey.triggerKey(agentId, "agents"));
    }

    private static String agent(String id, String symbol, String cron) {
        return """

                - templatedRoute:
                    routeTemplateRef: trading-agent
                    routeId: %1$s
                    prefixId: %1$s.
                    parameters:
                      - { name: agentId, value: %1$s }
                      - { name: symbol, value: %2$s }
                      - { name: cron, value: "%3$s" }
                """.formatted(id, symbol, cron);
    }

    private static void append(String text) throws IOException {
        write(Files.readString(AGENTS) + text);
    }

    /** As an editor saves: a new file moved over the old one. */
    private static void write(String text) throws IOException {
        Path next = DIR.resolve(".agents.yaml.tmp");
        Files.writeString(next, text);
        Files.move(next, AGENTS, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
