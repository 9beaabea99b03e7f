package io.ztrade.agent;

import java.util.HashMap;
import java.util.Map;

/** Agent settings for unit tests: the template's defaults, with a symbol and asset class of the test's choosing. */
public final class TestAgents {

    private TestAgents() {
    }

    public static Map<String, Object> defaults(String symbol, String assetClass) {
        Map<String, Object> p = new HashMap<>();
        p.put("agentId", "agent_x");
        p.put("symbol", symbol);
        p.put("assetClass", assetClass);
        p.put("cron", "0 0 0 1 1 ? 2099");
        p.put("barTimeframe", "5Min");
        p.put("barCount", "100");
        p.put("sentimentWeight", "0.6");
        p.put("technicalWeight", "0.4");
        p.put("threshold", "0.15");
        p.put("orderNotional", "1000");
        p.put("maxPositionValue", "10000");
        p.put("maxOrderNotional", "5000");
        p.put("maxOrdersPerDay", "20");
        p.put("allowShort", "false");
        return p;
    }

    public static AgentSettings agent(String symbol, String assetClass) {
        return AgentSettings.fromParameters(defaults(symbol, assetClass));
    }
}
