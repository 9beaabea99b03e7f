package io.ztrade.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Agent settings for unit tests: the defaults of the shipped template ({@code routes/agent-template.yaml}, read
 * here, never copied), with a symbol and asset class of the test's choosing.
 */
public final class TestAgents {

    public static final Path TEMPLATE = Path.of("routes/agent-template.yaml");

    private static final Map<String, String> DEFAULTS = readDefaults();

    private TestAgents() {
    }

    /** The template's parameters that have a default, with their default. */
    public static Map<String, String> templateDefaults() {
        return DEFAULTS;
    }

    public static Map<String, Object> defaults(String symbol, String assetClass) {
        Map<String, Object> p = new HashMap<>(DEFAULTS);
        p.put("agentId", "agent_x");
        p.put("symbol", symbol);
        p.put("assetClass", assetClass);
        p.put("cron", "0 0 0 1 1 ? 2099");
        return p;
    }

    public static AgentSettings agent(String symbol, String assetClass) {
        return AgentSettings.fromParameters(defaults(symbol, assetClass));
    }

    private static Map<String, String> readDefaults() {
        try {
            Map<String, String> defaults = RoutesValidator.templateDefaults(TEMPLATE);
            defaults.values().removeIf(v -> v == null);
            return Map.copyOf(defaults);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
