package io.ztrade.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.ZtradeApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One validator behind every entrance: each bad entry gives the same one line from {@link RoutesValidator}, from
 * start-up (its first line of output, no stack trace) and from {@code bin/ztrade validate}.
 */
class RoutesValidatorTest {

    @TempDir
    Path routes;

    private static final String SPY = """
            - templatedRoute:
                routeTemplateRef: trading-agent
                routeId: agent_spy
                parameters:
                  - { name: symbol, value: SPY }
                  - { name: cron, value: "0 */10 9-15 ? * MON-FRI" }
            """;

    static Stream<Arguments> badEntries() {
        return Stream.of(
                Arguments.of("unknown parameter", SPY + "      - { name: barTimefrme, value: 15Min }\n", 7,
                        "agent agent_spy: parameter 'barTimefrme' is unknown; did you mean 'barTimeframe'?"),
                Arguments.of("another agent's prefix", SPY.replace("    parameters:", "    prefixId: agent_tsla.\n    parameters:"), 4,
                        "agent agent_spy: prefixId 'agent_tsla.' must be 'agent_spy.' (the routeId and a dot), or left out"),
                Arguments.of("prefix without its dot", SPY.replace("    parameters:", "    prefixId: agent_spy\n    parameters:"), 4,
                        "agent agent_spy: prefixId 'agent_spy' must be 'agent_spy.' (the routeId and a dot), or left out"),
                Arguments.of("agentId not the routeId", SPY + "      - { name: agentId, value: agent_qqq }\n", 7,
                        "agent agent_spy: parameter 'agentId' is 'agent_qqq' but must be the routeId 'agent_spy', or left out"),
                Arguments.of("duplicate id", SPY + SPY, 9,
                        "agent agent_spy is defined twice; the first is at %s/agents.yaml:1"),
                Arguments.of("mis-indented parameters", SPY.replace("    parameters:", "  parameters:"), 4,
                        "agent agent_spy: 'parameters' is outside the templatedRoute: indent it as far as routeId"),
                Arguments.of("bad cron", SPY.replace("0 */10 9-15 ? * MON-FRI", "0 61 * * * ?"), 6,
                        "agent agent_spy: parameter 'cron' '0 61 * * * ?' is not a Quartz cron expression: Minute and Second values must be between 0 and 59"),
                Arguments.of("missing symbol", SPY.replace("      - { name: symbol, value: SPY }\n", ""), 1,
                        "agent agent_spy: parameter 'symbol' is missing"),
                Arguments.of("wiring parameter", SPY + "      - { name: orderUri, value: \"direct:elsewhere\" }\n", 7,
                        "agent agent_spy: parameter 'orderUri' is the template's wiring, set by Ztrade, not an agent setting; remove it"),
                // the executors are wiring too: an entry naming the caller-runs one would run its analyses one by one
                Arguments.of("executor parameter", SPY + "      - { name: analysesExecutor, value: callerRunsExecutor }\n", 7,
                        "agent agent_spy: parameter 'analysesExecutor' is the template's wiring, set by Ztrade, not an agent setting; remove it"),
                Arguments.of("records executor parameter", SPY + "      - { name: recordsExecutor, value: callerRunsExecutor }\n", 7,
                        "agent agent_spy: parameter 'recordsExecutor' is the template's wiring, set by Ztrade, not an agent setting; remove it"),
                // the breaker too: an entry naming the replay's (which never opens) would trade through an Alpaca outage
                Arguments.of("breaker parameter", SPY + "      - { name: tradingBreaker, value: replayTradingBreaker }\n", 7,
                        "agent agent_spy: parameter 'tradingBreaker' is the template's wiring, set by Ztrade, not an agent setting; remove it"),
                // a template-local bean named like one of the desk's would replace it for this agent: its risk, say
                Arguments.of("template-local beans", SPY.replace("    parameters:", "    beans:\n      - { name: riskValidator, type: \"#class:java.lang.Object\" }\n    parameters:"), 4,
                        "agent agent_spy: 'beans' would replace the desk's own steps (riskValidator, sentimentAnalyzer, agentRuns) for this agent; an agent entry sets parameters only"),
                Arguments.of("malformed YAML", SPY.replace("symbol, value: SPY }", "symbol, value: SPY"), 6,
                        "not valid YAML: expected ',' or '}', but got {"),
                Arguments.of("misspelt field", SPY.replace("    parameters:", "    paramters:"), 4,
                        "agent agent_spy: 'paramters' is not a field of a templatedRoute; did you mean 'parameters'?"),
                Arguments.of("unknown template", SPY.replace("trading-agent", "trading-agnt"), 1,
                        "agent agent_spy: routeTemplateRef 'trading-agnt' is not a template in these files; did you mean 'trading-agent'?"));
    }

    /**
     * Every case at once, each in a file of its own under an agent id of its own: one start-up and one
     * {@code bin/ztrade validate} for all (two JVMs, not two a case).
     */
    @Test
    void eachBadEntryIsTheSameOneLineAtStartUpAndFromValidate() throws Exception {
        Files.copy(TestAgents.TEMPLATE, routes.resolve("agent-template.yaml"));
        List<String> expected = new ArrayList<>();
        List<Arguments> cases = badEntries().toList();
        for (int i = 0; i < cases.size(); i++) {
            Object[] c = cases.get(i).get();
            String agent = "agent_case" + i;
            Path file = routes.resolve(String.format("case-%02d.yaml", i));
            Files.writeString(file, ((String) c[1]).replace("agent_spy", agent));
            expected.add(file + ":" + c[2] + ": " + ((String) c[3]).replace("agent_spy", agent).replace("%s/agents.yaml", file.toString()));
        }
        assertThat(expected).hasSize(cases.size()).doesNotHaveDuplicates();

        sameLinesEverywhere(expected);
    }

    /** Camel's own checks come once Ztrade's pass, from the files read by Camel's YAML DSL. */
    @Test
    void camelsOwnCheckIsTheSameOneLine() throws Exception {
        Files.copy(TestAgents.TEMPLATE, routes.resolve("agent-template.yaml"));
        Files.writeString(routes.resolve("agents.yaml"), SPY + "- route:\n    from:\n      uri: timer:tick\n      stepz: []\n");

        sameLinesEverywhere(List.of(routes.resolve("agents.yaml") + ":10: Unsupported field: stepz"));
    }

    /** The validator, the app as a user starts it (no test profile; its first lines) and bin/ztrade validate. */
    private void sameLinesEverywhere(List<String> expected) throws Exception {
        Process app = java(List.of("java", "-cp", System.getProperty("java.class.path"), ZtradeApplication.class.getName(),
                "--camel.main.routes-include-pattern=file:" + routes + "/*.yaml", "--server.port=0"));
        Process validate = java(List.of("bash", "bin/ztrade", "validate", routes.toString()));

        assertThat(RoutesValidator.validate(routes).problems()).extracting(Object::toString)
                .containsExactlyInAnyOrderElementsOf(expected);

        String startUp = output(app);
        List<String> lines = startUp.lines().toList();
        assertThat(app.exitValue()).as(startUp).isEqualTo(1);
        assertThat(lines).as(startUp).hasSize(expected.size() + 1);
        assertThat(lines.subList(0, expected.size())).as(startUp).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(lines.get(expected.size())).startsWith("ztrade: not started: " + expected.size() + " problem(s)");
        String out = output(validate);
        assertThat(validate.exitValue()).as(out).isEqualTo(1);
        assertThat(out.lines().toList()).as(out).hasSize(expected.size() + 1).containsAll(expected)
                .endsWith(expected.size() + " problem(s) in " + routes);
    }

    @Test
    void anAgentIsNamedOnceAndTheLongFormStillWorksWhileItAgrees() throws Exception {
        Files.copy(TestAgents.TEMPLATE, routes.resolve("agent-template.yaml"));
        Files.writeString(routes.resolve("agents.yaml"), SPY + """
                - templatedRoute:
                    routeTemplateRef: trading-agent
                    routeId: agent_qqq
                    prefixId: agent_qqq.
                    parameters:
                      - { name: agentId, value: agent_qqq }
                      - { name: symbol, value: QQQ }
                      - { name: cron, value: "0 0 * * * ?" }
                """);

        RoutesValidator result = RoutesValidator.validate(routes);

        assertThat(result.problems()).isEmpty();
        assertThat(result.agents()).containsOnlyKeys("agent_spy", "agent_qqq").containsEntry("agent_spy", "SPY");
    }

    /** Wiring the template no longer declares (replay and test routes bind their own beans) is just unknown. */
    @Test
    void theWiringCheckFollowsTheTemplate() throws Exception {
        // the shipped template no longer declares riskBean (replays bind template-local beans instead)
        Files.copy(TestAgents.TEMPLATE, routes.resolve("agent-template.yaml"));
        Files.writeString(routes.resolve("agents.yaml"), SPY + "      - { name: riskBean, value: lenientRisk }\n"
                + "      - { name: trigger, value: replay }\n");

        assertThat(RoutesValidator.validate(routes).problems()).extracting(Object::toString).containsExactly(
                routes.resolve("agents.yaml") + ":7: agent agent_spy: parameter 'riskBean' is unknown: not a parameter of the trading-agent template",
                routes.resolve("agents.yaml") + ":8: agent agent_spy: parameter 'trigger' is the template's wiring, set by Ztrade, not an agent setting; remove it");
    }

    /** Start-up reads what {@code camel.main.routes-include-pattern} names, classpath resources too. */
    @Test
    void validatesTheFilesStartUpIncludes() throws Exception {
        RoutesValidator tests = RoutesValidator.validateIncluded(
                "file:routes/agent-template.yaml,classpath:routes/test-agents.yaml");
        assertThat(tests.problems()).isEmpty();
        assertThat(tests.agents()).containsOnlyKeys("test_stock", "test_crypto");

        Files.writeString(routes.resolve("agents.yaml"), SPY);
        assertThat(RoutesValidator.validateIncluded("file:routes/agent-template.yaml,file:" + routes + "/*.yaml").agents())
                .containsOnlyKeys("agent_spy");
    }

    @Test
    void theShippedAgentsAreValid() throws Exception {
        Path copy = Files.createDirectory(routes.resolve("shipped"));
        Files.copy(TestAgents.TEMPLATE, copy.resolve("agent-template.yaml"));
        Files.copy(Path.of("routes/agents.yaml"), copy.resolve("agents.yaml"));

        RoutesValidator result = RoutesValidator.validate(copy);

        assertThat(result.agents()).containsKeys("agent_tsla", "agent_iwm", "agent_btc");
    }

    private static Process java(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ZTRADE_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("PATH", System.getProperty("java.home") + "/bin:" + System.getenv("PATH"));
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /** All the process printed, once it ended (a start-up that did not stop is ended and fails the test). */
    private static String output(Process process) throws Exception {
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        assertThat(ended).as("the process ended by itself").isTrue();
        return out.get(10, TimeUnit.SECONDS);
    }
}
