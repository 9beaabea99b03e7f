package io.ztrade.plugins;

import java.util.List;
import java.util.Map;

/**
 * The steps an agent chose by name (its template parameters {@code strategy}, {@code sentimentFeed},
 * {@code decisionRule}, {@code riskRules}) and the values it gave their parameters ({@code <step>.<parameter>}).
 * Only read here; whether the names exist and the values are valid is {@link Plugins#choose}'s to say.
 *
 * @param riskRules  plugin risk rules checked after Ztrade's own, in order; empty for none
 * @param parameters the agent's {@code <step>.<parameter>} values as it gave them (no defaults)
 */
public record PluginChoice(String strategy, String sentimentFeed, String decisionRule, List<String> riskRules,
                           Map<String, String> parameters) {

    public static final String NO_RULES = "none";

    public PluginChoice {
        riskRules = List.copyOf(riskRules);
        parameters = Map.copyOf(parameters);
    }

    /** A template parameter that belongs to a step: {@code <step name>.<parameter>}. */
    public static boolean isStepParameter(String name) {
        return name.matches("[A-Za-z][A-Za-z0-9]*\\.[A-Za-z][A-Za-z0-9]*");
    }

    /** {@code riskRules}: {@code none}, {@code a, b} or {@code [a, b]}. */
    public static List<String> ruleList(String text) {
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1).trim();
        }
        if (t.isEmpty() || t.equals(NO_RULES)) {
            return List.of();
        }
        return List.of(t.split("\\s*,\\s*"));
    }

    /** {@code riskRules} written back as the template takes it. */
    public String riskRulesText() {
        return riskRules.isEmpty() ? NO_RULES : String.join(",", riskRules);
    }
}
