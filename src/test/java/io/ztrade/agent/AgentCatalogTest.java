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
                    prefixId: %1$s.
                    parameters:
                      - { name: agentId, value: %1$s }
                %2$s
                """.formatted(agentId, extraParameters);
    }

    @Test
    void readsTheShippedAgentsWithTheTemplateDefaults() throws Exception {
        load(Files.readString(Path.of("routes/agents.yaml")));

        assertThat(catalog.all()).extracting(AgentSettings::agentId).containsExactly("agent_btc", "agent_iwm", "agent_tsla");
        AgentSettings btc = catalog.get("agent_btc");
        assertThat(btc.symbol()).isEqualTo("BTC/USD");
        assertThat(btc.assetClass()).isEqualTo(AssetClass.CRYPTO);
        assertThat(btc.sentimentWeight()).isEqualTo(0.6);
        assertThat(btc.technicalWeight()).isEqualTo(0.4);
        assertThat(catalog.get("agent_tsla").cron()).isEqualTo("0 */5 9-15 ? * MON-FRI");
        assertThat(catalog.get("agent_iwm").assetClass()).isEqualTo(AssetClass.US_EQUITY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad cron      | '      - { name: symbol, value: TSLA }\n      - { name: cron, value: \"0 61 * * * ?\" }' | agent agent_bad: parameter 'cron' '0 61 * * * ?' is not a Quartz cron expression",
            "missing symbol| '      - { name: cron, value: \"0 0 * * * ?\" }' | agent agent_bad: parameter 'symbol' is missing",
            "unknown field | '      - { name: symbol, value: TSLA }\n      - { name: cron, value: \"0 0 * * * ?\" }\n      - { name: stopLoss, value: \"5\" }' | agent agent_bad: parameter 'stopLoss' is not a parameter of the trading-agent template",
            "not a number  | '      - { name: symbol, value: TSLA }\n      - { name: cron, value: \"0 0 * * * ?\" }\n      - { name: threshold, value: high }' | agent agent_bad: parameter 'threshold' 'high' is not a number",
            "weights sum   | '      - { name: symbol, value: TSLA }\n      - { name: cron, value: \"0 0 * * * ?\" }\n      - { name: sentimentWeight, value: \"0.7\" }' | agent agent_bad: parameter 'sentimentWeight' sentimentWeight + technicalWeight must be 1",
            "asset class   | '      - { name: symbol, value: TSLA }\n      - { name: cron, value: \"0 0 * * * ?\" }\n      - { name: assetClass, value: bonds }' | agent agent_bad: parameter 'assetClass' 'bonds' is not an asset class",
    })
    void aBadEntryFailsNamingTheAgentAndTheField(String problem, String parameters, String message) {
        String yaml = entry("agent_bad", parameters.replace("\\n", "\n"));

        assertThatThrownBy(() -> load(yaml))
                .hasStackTraceContaining(message);
    }

    @Test
    void routeIdAndAgentIdMustAgree() {
        String yaml = """
                - templatedRoute:
                    routeTemplateRef: trading-agent
                    routeId: agent_one
                    prefixId: agent_one.
                    parameters:
                      - { name: agentId, value: agent_two }
                      - { name: symbol, value: TSLA }
                      - { name: cron, value: "0 0 * * * ?" }
                """;

        assertThatThrownBy(() -> load(yaml)).hasStackTraceContaining("agent agent_two: parameter 'agentId' must equal the routeId 'agent_one'");
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
