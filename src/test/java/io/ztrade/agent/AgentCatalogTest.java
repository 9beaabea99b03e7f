package io.ztrade.agent;

import io.ztrade.market.AssetClass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loads the real routes/agent-template.yaml with agent entries, as start-up does, and checks what a bad entry says. */
class AgentCatalogTest {

    private final AgentCatalog catalog = new AgentCatalog();
    private DefaultCamelContext camel;

    @BeforeEach
    void camel() {
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().getContextPlugin(Model.class).addModelLifecycleStrategy(catalog);
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    private void load(String agents) throws Exception {
        PluginHelper.getRoutesLoader(camel).loadRoutes(
                ResourceHelper.fromString("file:routes/agent-template.yaml", Files.readString(Path.of("routes/agent-template.yaml"))),
                ResourceHelper.fromString("file:routes/agents.yaml", agents));
    }

    private static String entry(String agentId, String extraParameters) {
        return """
                - templatedRoute:
                    routeTemplateRef: trading-agent
                    routeId: %1$s
                    parameters:
                %2$s
                """.formatted(agentId, extraParameters);
    }

    /** The test's own agents, never the user's routes/agents.yaml: named once, by the routeId. */
    @Test
    void anAgentIsItsRouteIdWithTheTemplateDefaults() throws Exception {
        load(entry("agent_btc", "      - { name: symbol, value: BTC/USD }\n      - { name: assetClass, value: crypto }\n"
                + "      - { name: cron, value: \"0 0 * * * ?\" }")
                + entry("agent_tsla", "      - { name: symbol, value: TSLA }\n"
                + "      - { name: cron, value: \"0 */5 9-15 ? * MON-FRI\" }"));

        assertThat(catalog.all()).extracting(AgentSettings::agentId).containsExactly("agent_btc", "agent_tsla");
        AgentSettings btc = catalog.get("agent_btc");
        assertThat(btc.symbol()).isEqualTo("BTC/USD");
        assertThat(btc.assetClass()).isEqualTo(AssetClass.CRYPTO);
        assertThat(btc).isEqualTo(AgentSettings.fromParameters(withDefaults("agent_btc", "BTC/USD", "crypto", "0 0 * * * ?")));
        assertThat(catalog.get("agent_tsla").cron()).isEqualTo("0 */5 9-15 ? * MON-FRI");
        // the agent id and the node-id prefix Camel builds the route with: agent_tsla.decision, not SPY's merging into TSLA's
        var route = camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinition("agent_tsla");
        assertThat(route.getTemplateParameters()).containsEntry("agentId", "agent_tsla");
        assertThat(route.getNodePrefixId()).isEqualTo("agent_tsla.");
    }

    /**
     * Built and started, the route's node ids carry the agent's prefix and its endpoints the agent id (the template's
     * parameters here, a timer instead of the pipeline): two agents' step MBeans never share a name.
     */
    @Test
    void theStartedRouteIsNamedAfterTheRouteId() throws Exception {
        StringBuilder template = new StringBuilder("- routeTemplate:\n    id: trading-agent\n    parameters:\n"
                + "      - { name: agentId, required: false }\n      - { name: symbol, required: false }\n"
                + "      - { name: cron, required: false }\n");
        TestAgents.templateDefaults().forEach((name, value) -> template.append("      - { name: ").append(name)
                .append(", defaultValue: \"").append(value).append("\" }\n"));
        template.append("    route:\n      from:\n        id: trigger\n        uri: \"timer:{{agentId}}\"\n"
                + "        parameters: { delay: \"-1\" }\n        steps:\n          - log: { id: summary, message: \"{{symbol}}\" }\n");
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("file:t.yaml", template.toString()),
                ResourceHelper.fromString("file:a.yaml", entry("agent_spy", "      - { name: symbol, value: SPY }\n"
                        + "      - { name: cron, value: \"0 0 * * * ?\" }")));
        camel.start();

        assertThat(camel.getRoute("agent_spy").getEndpoint().getEndpointUri()).isEqualTo("timer://agent_spy?delay=-1");
        assertThat(camel.getRoute("agent_spy").filter("*")).extracting(p -> ((org.apache.camel.spi.IdAware) p).getId())
                .containsExactly("agent_spy.summary");
    }

    /** Records which bean a step called. */
    public static final class RecordingStep {
        private final String name;
        private final java.util.List<String> calls;

        RecordingStep(String name, java.util.List<String> calls) {
            this.name = name;
            this.calls = calls;
        }

        public void apply(org.apache.camel.Exchange exchange) {
            calls.add(name + "@" + exchange.getFromRouteId());
        }
    }

    /**
     * A property named like a step bean ({@code --riskValidator=bypass}, an env var) swapped the risk step of every
     * live agent; now it is ignored, and a route's own template-local bean of that name still wins on that route.
     */
    @Test
    void aPropertyNamedLikeAStepBeanCannotSwapItButATemplateLocalBeanStillDoes() throws Exception {
        java.util.List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        camel.getRegistry().bind("riskValidator", new RecordingStep("live", calls));
        camel.getRegistry().bind("bypass", new RecordingStep("bypass", calls));
        camel.getPropertiesComponent().addInitialProperty("riskValidator", "bypass");
        StringBuilder template = new StringBuilder("- routeTemplate:\n    id: trading-agent\n    parameters:\n"
                + "      - { name: agentId, required: false }\n      - { name: symbol, required: false }\n"
                + "      - { name: cron, required: false }\n");
        TestAgents.templateDefaults().forEach((name, value) -> template.append("      - { name: ").append(name)
                .append(", defaultValue: \"").append(value).append("\" }\n"));
        template.append("    route:\n      from:\n        uri: \"timer:{{agentId}}\"\n"
                + "        parameters: { repeatCount: 1 }\n        steps:\n"
                + "          - bean: { id: risk, ref: \"{{riskValidator:riskValidator}}\", method: apply }\n");
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("file:t.yaml", template.toString()),
                ResourceHelper.fromString("file:a.yaml", entry("agent_spy", "      - { name: symbol, value: SPY }\n"
                        + "      - { name: cron, value: \"0 0 * * * ?\" }")));
        java.util.Map<String, Object> replay = TestAgents.defaults("SPY", "us_equity");
        replay.put("trigger", "replay");
        org.apache.camel.builder.TemplatedRouteBuilder.builder(camel, AgentCatalog.TEMPLATE_ID).routeId("replay_spy")
                .parameters(replay).bean("riskValidator", new RecordingStep("local", calls)).add();
        org.apache.camel.builder.NotifyBuilder both = new org.apache.camel.builder.NotifyBuilder(camel).whenDone(2).create();
        camel.start();

        assertThat(both.matches(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(calls).containsExactlyInAnyOrder("live@agent_spy", "local@replay_spy");
    }

    /** Every "{{name:name}}" bean of the template is pinned; a new one not listed in STEP_BEANS could be swapped. */
    @Test
    void everyStepBeanTheTemplateNamesIsPinned() throws Exception {
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\\{\\{(\\w+):(\\w+)}}")
                .matcher(String.join("\n", Files.readAllLines(TestAgents.TEMPLATE).stream()
                        .filter(line -> !line.trim().startsWith("#")).toList()));
        java.util.Set<String> named = new java.util.TreeSet<>();
        while (refs.find()) {
            assertThat(refs.group(2)).as(refs.group()).isEqualTo(refs.group(1));
            named.add(refs.group(1));
        }

        assertThat(named).contains("riskValidator").isSubsetOf(AgentCatalog.STEP_BEANS);
    }

    private static java.util.Map<String, Object> withDefaults(String agentId, String symbol, String assetClass, String cron) {
        java.util.Map<String, Object> p = TestAgents.defaults(symbol, assetClass);
        p.put("agentId", agentId);
        p.put("cron", cron);
        return p;
    }

    /** Value checks of the settings, through Camel as start-up reads them (the entry checks: RoutesValidatorTest). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not a number  | '      - { name: threshold, value: high }' | agent agent_bad: parameter 'threshold' 'high' is not a number",
            "weights sum   | '      - { name: sentimentWeight, value: \"0.7\" }' | agent agent_bad: parameter 'sentimentWeight' sentimentWeight + technicalWeight must be 1",
            "asset class   | '      - { name: assetClass, value: bonds }' | agent agent_bad: parameter 'assetClass' 'bonds' is not an asset class",
    })
    void aBadValueFailsNamingTheAgentAndTheField(String problem, String parameters, String message) {
        String yaml = entry("agent_bad", "      - { name: symbol, value: TSLA }\n      - { name: cron, value: \"0 0 * * * ?\" }\n"
                + parameters);

        assertThatThrownBy(() -> load(yaml)).hasStackTraceContaining(message);
    }

    /** A route made in Java without a value the template has no default for: no fallback, the parameter named. */
    @Test
    void aMissingValueIsNamedNotDefaulted() {
        java.util.Map<String, Object> parameters = withDefaults("agent_x", "TSLA", "us_equity", "0 0 * * * ?");
        parameters.remove("rsiPeriod");

        assertThatThrownBy(() -> AgentSettings.fromParameters(parameters)).isInstanceOf(InvalidAgentException.class)
                .hasMessage("agent agent_x: parameter 'rsiPeriod' is missing");
    }

    /** What a replay's route is made from: every parameter, so nothing falls back to a default in Java. */
    @Test
    void settingsWriteBackEveryParameter() {
        java.util.Map<String, Object> parameters = withDefaults("agent_x", "TSLA", "us_equity", "0 0 * * * ?");
        parameters.put("rsiPeriod", "9");
        parameters.put("cooldownPeriod", "4h");
        AgentSettings settings = AgentSettings.fromParameters(parameters);

        assertThat(AgentSettings.fromParameters(settings.toParameters())).isEqualTo(settings);
        assertThat(settings.toParameters().keySet()).containsExactlyInAnyOrderElementsOf(TestAgents.defaults("X", "crypto")
                .keySet().stream().filter(n -> !AgentCatalog.WIRING_PARAMETERS.contains(n)).toList());
    }

    @Test
    void anUnknownAgentIsNamedWithTheKnownOnes() throws Exception {
        load(entry("agent_ok", "      - { name: symbol, value: TSLA }\n      - { name: cron, value: \"0 0 * * * ?\" }"));

        assertThatThrownBy(() -> catalog.get("agent_nope"))
                .isInstanceOf(UnknownAgentException.class)
                .hasMessage("unknown agent 'agent_nope'; agents defined in routes/: agent_ok");
    }

    /**
     * An agent named {@code desk} shared the desk's scope in trading_modes: halting that agent (an operator, a
     * protection, a reconciliation mismatch) halted every agent, and the agent could never be held alone.
     */
    @Test
    void theDesksOwnScopesAreNoAgentIds() {
        for (String reserved : new String[] {"desk", "desk-state"}) {
            java.util.Map<String, Object> parameters = TestAgents.defaults("TSLA", "us_equity");
            parameters.put("agentId", reserved);
            assertThatThrownBy(() -> AgentSettings.fromParameters(parameters)).isInstanceOf(InvalidAgentException.class)
                    .hasMessageContaining("agent " + reserved + ": parameter 'agentId'").hasMessageContaining("reserved");
        }
    }
}
