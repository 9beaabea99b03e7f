package io.ztrade.agent;

import io.ztrade.market.AssetClass;
import io.ztrade.plugins.PluginChoice;
import io.ztrade.risk.TradingHolds;
import io.ztrade.risk.protection.ProtectionLimits;
import io.ztrade.technical.Indicators;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * One agent's settings: the parameters of its {@code templatedRoute} entry in {@code routes/agents.yaml}, with the
 * template's defaults filled in by Camel. The template ({@code routes/agent-template.yaml}) holds the only defaults
 * and says what each parameter means; here each is parsed strictly and checked, so a bad entry is named by agent and
 * parameter.
 *
 * @param agentId     route id and agent id, e.g. {@code agent_tsla}
 * @param assetClass  {@code us_equity} (NYSE session) or {@code crypto} (24/7)
 * @param cron        Quartz cron expression, read in America/New_York
 * @param indicators  the technical analysis' indicator periods
 * @param protections drawdown, daily loss and losing-streak limits
 * @param plugins     the steps it chose by name (strategy, sentimentFeed, decisionRule, riskRules) and the values of
 *                    their parameters ({@code <step>.<parameter>}); whether they exist is checked where the plugins
 *                    are known ({@link AgentCatalog})
 */
public record AgentSettings(
        String agentId,
        String symbol,
        AssetClass assetClass,
        String cron,
        String barTimeframe,
        int barCount,
        double sentimentWeight,
        double technicalWeight,
        double threshold,
        BigDecimal orderNotional,
        BigDecimal maxPositionValue,
        BigDecimal maxOrderNotional,
        int maxOrdersPerDay,
        boolean allowShort,
        Indicators indicators,
        ProtectionLimits protections,
        PluginChoice plugins) {

    /**
     * Reads an agent's template parameters (as Camel resolved them, defaults included): every parameter must be
     * there, there is no default here.
     *
     * @throws InvalidAgentException naming the agent and the parameter when a value is missing or wrong
     */
    public static AgentSettings fromParameters(Map<String, ?> parameters) {
        String agentId = AgentParameters.text(parameters, "?", "agentId");
        AgentParameters r = new AgentParameters(agentId, parameters);
        AgentSettings settings = new AgentSettings(
                agentId,
                r.text("symbol"),
                r.parse("assetClass", AssetClass::fromAlpacaName),
                r.parse("cron", AgentParameters::cron),
                r.text("barTimeframe"),
                r.integer("barCount"),
                r.decimal("sentimentWeight"),
                r.decimal("technicalWeight"),
                r.decimal("threshold"),
                r.dollars("orderNotional"),
                r.dollars("maxPositionValue"),
                r.dollars("maxOrderNotional"),
                r.integer("maxOrdersPerDay"),
                r.parse("allowShort", AgentParameters::strictBoolean),
                new Indicators(r.integer("rsiPeriod"), r.integer("macdFast"), r.integer("macdSlow"),
                        r.integer("macdSignal"), r.integer("smaFast"), r.integer("smaSlow"),
                        r.integer("bollingerPeriod"), r.decimal("bollingerWidth")),
                new ProtectionLimits(r.dollars("maxDrawdown"), r.dollars("maxDailyLoss"),
                        r.integer("cooldownAfterLosses"), r.parse("cooldownPeriod", AgentParameters::period)),
                new PluginChoice(r.text("strategy"), r.text("sentimentFeed"), r.text("decisionRule"),
                        PluginChoice.ruleList(r.text("riskRules")), stepParameters(parameters)));
        settings.checkRanges();
        return settings;
    }

    /** The {@code <step>.<parameter>} values an entry gave, as text. */
    private static Map<String, String> stepParameters(Map<String, ?> parameters) {
        Map<String, String> values = new TreeMap<>();
        parameters.forEach((name, value) -> {
            if (PluginChoice.isStepParameter(name) && value != null) {
                values.put(name, value.toString().trim());
            }
        });
        return values;
    }

    /** Every parameter of these settings, as the template names them (a replay's route is made from them). */
    public Map<String, Object> toParameters() {
        return AgentParameters.of(this);
    }

    /** Alpaca's market data and news APIs write crypto without the slash in some places. */
    public String symbolWithoutSlash() {
        return symbol.replace("/", "");
    }

    private void checkRanges() {
        if (!agentId.matches("[A-Za-z0-9_-]{1,20}")) {
            throw new InvalidAgentException(agentId, "agentId",
                    "must be 1-20 letters, digits, '_' or '-' (it is part of every client order id)");
        }
        // the desk's own scopes in trading_modes: an agent under one of these names would halt (or free) the whole desk
        if (agentId.equals(TradingHolds.DESK) || agentId.equals(TradingHolds.STORE_SCOPE)) {
            throw new InvalidAgentException(agentId, "agentId", "'" + agentId + "' is reserved for the desk's own trading"
                    + " mode; choose another name");
        }
        requireBetween("sentimentWeight", sentimentWeight, 0, 1);
        requireBetween("technicalWeight", technicalWeight, 0, 1);
        if (Math.abs(sentimentWeight + technicalWeight - 1.0) > 1e-9) {
            throw new InvalidAgentException(agentId, "sentimentWeight",
                    "sentimentWeight + technicalWeight must be 1, got " + sentimentWeight + " + " + technicalWeight);
        }
        requireBetween("threshold", threshold, 0, 1);
        requirePositive("orderNotional", orderNotional);
        requirePositive("maxPositionValue", maxPositionValue);
        requirePositive("maxOrderNotional", maxOrderNotional);
        if (barCount < 1 || barCount > 10_000) {
            throw new InvalidAgentException(agentId, "barCount", "must be between 1 and 10000, got " + barCount);
        }
        for (Map.Entry<String, Integer> period : Map.of("rsiPeriod", indicators.rsiPeriod(), "macdFast", indicators.macdFast(),
                "macdSlow", indicators.macdSlow(), "macdSignal", indicators.macdSignal(), "smaFast", indicators.smaFast(),
                "smaSlow", indicators.smaSlow(), "bollingerPeriod", indicators.bollingerPeriod()).entrySet()) {
            if (period.getValue() < 2 || period.getValue() > 1000) {
                throw new InvalidAgentException(agentId, period.getKey(), "must be between 2 and 1000 bars, got " + period.getValue());
            }
        }
        if (indicators.macdFast() >= indicators.macdSlow()) {
            throw new InvalidAgentException(agentId, "macdFast", "must be shorter than macdSlow, got " + indicators.macdFast()
                    + " and " + indicators.macdSlow());
        }
        if (indicators.smaFast() >= indicators.smaSlow()) {
            throw new InvalidAgentException(agentId, "smaFast", "must be shorter than smaSlow, got " + indicators.smaFast()
                    + " and " + indicators.smaSlow());
        }
        requireBetween("bollingerWidth", indicators.bollingerWidth(), 0.5, 5);
        if (maxOrdersPerDay < 0) {
            throw new InvalidAgentException(agentId, "maxOrdersPerDay", "must not be negative, got " + maxOrdersPerDay);
        }
        checkProtections();
    }

    private void checkProtections() {
        if (protections.maxDrawdown().signum() < 0) {
            throw new InvalidAgentException(agentId, "maxDrawdown", "must be dollars, 0 for off, got " + protections.maxDrawdown());
        }
        if (protections.maxDailyLoss().signum() < 0) {
            throw new InvalidAgentException(agentId, "maxDailyLoss", "must be dollars, 0 for off, got " + protections.maxDailyLoss());
        }
        if (protections.cooldownAfterLosses() < 0 || protections.cooldownAfterLosses() > 1000) {
            throw new InvalidAgentException(agentId, "cooldownAfterLosses", "must be between 0 (off) and 1000 losing trades, got "
                    + protections.cooldownAfterLosses());
        }
        if (protections.cooldownPeriod().isZero()) {
            throw new InvalidAgentException(agentId, "cooldownPeriod", "must be longer than 0 (turn the cooldown off with"
                    + " cooldownAfterLosses=0)");
        }
    }

    private void requireBetween(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InvalidAgentException(agentId, field, "must be between " + min + " and " + max + ", got " + value);
        }
    }

    private void requirePositive(String field, BigDecimal value) {
        if (value.signum() <= 0) {
            throw new InvalidAgentException(agentId, field, "must be positive, got " + value);
        }
    }
}
