package io.ztrade.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutesValidatorTest {

    @Test
    void theShippedRoutesAreValid() throws Exception {
        RoutesValidator result = RoutesValidator.validate(Path.of("routes"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.agents()).containsKeys("agent_tsla", "agent_iwm", "agent_btc");
    }

    @Test
    void namesFileLineAndProblemOfEachBadEntry(@TempDir Path routes) throws Exception {
        Files.copy(Path.of("routes/agent-template.yaml"), routes.resolve("agent-template.yaml"));
        Files.writeString(routes.resolve("agents.yaml"), """
                - templatedRoute:
                    routeTemplateRef: trading-agent
                    routeId: agent_spy
                    prefixId: agent_spy.
                    parameters:
                      - { name: agentId, value: agent_spy }
                      - { name: symbol, value: SPY }
                      - { name: cron, value: "0 61 * * * ?" }

                - templatedRoute:
                    routeTemplateRef: trading-agent
                    routeId: agent_qqq
                    prefixId: agent_qqq
                    parameters:
                      - { name: agentId, value: agent_qqq }
                      - { name: symbol, value: QQQ }
                      - { name: cron, value: "0 0 * * * ?" }
                      - { name: treshold, value: "0.2" }
                """);
        Files.writeString(routes.resolve("broken.yaml"), "- route:\n    from: [oops\n");

        RoutesValidator result = RoutesValidator.validate(routes);

        assertThat(result.problems()).extracting(Object::toString).anySatisfy(p -> assertThat(p)
                .startsWith(routes.resolve("agents.yaml") + ":1: agent agent_spy: parameter 'cron' '0 61 * * * ?'"));
        assertThat(result.problems()).extracting(Object::toString).anySatisfy(p -> assertThat(p)
                .startsWith(routes.resolve("agents.yaml") + ":18: agent agent_qqq: parameter 'treshold' is not a parameter"));
        assertThat(result.problems()).extracting(Object::toString).anySatisfy(p -> assertThat(p)
                .contains("agents.yaml:10: agent agent_qqq: prefixId must be 'agent_qqq.'"));
        assertThat(result.problems()).extracting(Object::toString).anySatisfy(p -> assertThat(p)
                .startsWith(routes.resolve("broken.yaml") + ":").contains("not valid YAML"));
        assertThat(result.agents()).doesNotContainKey("agent_spy");
    }
}
