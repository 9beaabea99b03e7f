package io.ztrade.agent;

import io.ztrade.market.AssetClass;
import io.ztrade.risk.TradingHolds;
import io.ztrade.risk.protection.ProtectionLimits;
import io.ztrade.technical.Indicators;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.quartz.CronExpression;

/**
 * One agent's settings: the parameters of its {@code templatedRoute} entry in {@code routes/agents.yaml},
 * with the template's defaults filled in. Built once when the route is added, checked here so a bad
 * entry fails start-up with the agent and the field named.
 *
 * @param agentId          route id and agent id, e.g. {@code agent_tsla}
 * @param symbol           Alpaca symbol, e.g. {@code TSLA} or {@code BTC/USD}
 * @param assetClass       {@code us_equity} (NYSE session) or {@code crypto} (24/7)
 * @param cron             Quartz cron expression, read in America/New_York
 * @param barTimeframe     Alpaca bar timeframe for the technical analysis, e.g. {@code 5Min}
 * @param barCount         how many recent bars to fetch (defaults to 100)
 * @param sentimentWeight  weight of the sentiment score in the decision (defaults to 0.6)
 * @param technicalWeight  weight of the technical signal in the decision (defaults to 0.4)
 * @param threshold        BUY above it, SELL below its negative, HOLD between (defaults to 0.2)
 * @param orderNotional    dollars per order (defaults to 1000)
 * @param maxPositionValue the most the position may be worth after a buy, in dollars (defaults to 10000)
 * @param maxOrderNotional the largest single order, in dollars (defaults to 5000)
 * @param maxOrdersPerDay  orders per agent per New York day (defaults to 20)
 * @param allowShort       whether a SELL may open or grow a short position (defaults to false)
 * @param indicators       the technical analysis' indicator periods (defaults RSI 14, MACD 12/26/9, SMA 20/50,
 *                         Bollinger 20 x 2)
 * @param protections      drawdown, daily loss and losing-streak limits (defaults: all off)
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
        ProtectionLimits protections) {

    /**
     * Reads an agent's template parameters (as Camel resolved them, defaults included).
     *
     * @throws InvalidAgentException naming the agent and the field when a value is missing or wrong
     */
    public static AgentSettings fromParameters(Map<String, ?> parameters) {
        String agentId = text(parameters, "?", "agentId");
        Reader r = new Reader(agentId, parameters);
        AgentSettings settings = new AgentSettings(
                agentId,
                r.text("symbol"),
                r.parse("assetClass", AssetClass::fromAlpacaName),
                r.parse("cron", AgentSettings::checkedCron),
                r.text("barTimeframe"),
                r.parse("barCount", Integer::parseInt),
                r.parse("sentimentWeight", Double::parseDouble),
                r.parse("technicalWeight", Double::parseDouble),
                r.parse("threshold", Double::parseDouble),
                r.parse("orderNotional", BigDecimal::new),
                r.parse("maxPositionValue", BigDecimal::new),
                r.parse("maxOrderNotional", BigDecimal::new),
                r.parse("maxOrdersPerDay", Integer::parseInt),
                r.parse("allowShort", AgentSettings::strictBoolean),
                new Indicators(
                        r.parseOr("rsiPeriod", Integer::parseInt, Indicators.DEFAULTS.rsiPeriod()),
                        r.parseOr("macdFast", Integer::parseInt, Indicators.DEFAULTS.macdFast()),
                        r.parseOr("macdSlow", Integer::parseInt, Indicators.DEFAULTS.macdSlow()),
                        r.parseOr("macdSignal", Integer::parseInt, Indicators.DEFAULTS.macdSignal()),
                        r.parseOr("smaFast", Integer::parseInt, Indicators.DEFAULTS.smaFast()),
                        r.parseOr("smaSlow", Integer::parseInt, Indicators.DEFAULTS.smaSlow()),
                        r.parseOr("bollingerPeriod", Integer::parseInt, Indicators.DEFAULTS.bollingerPeriod()),
                        r.parseOr("bollingerWidth", Double::parseDouble, Indicators.DEFAULTS.bollingerWidth())),
                new ProtectionLimits(
                        r.parseOr("maxDrawdown", BigDecimal::new, ProtectionLimits.OFF.maxDrawdown()),
                        r.parseOr("maxDailyLoss", BigDecimal::new, ProtectionLimits.OFF.maxDailyLoss()),
                        r.parseOr("cooldownAfterLosses", Integer::parseInt, ProtectionLimits.OFF.cooldownAfterLosses()),
                        r.parseOr("cooldownPeriod", AgentSettings::period, ProtectionLimits.OFF.cooldownPeriod())));
        settings.checkRanges();
        return settings;
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

    /** A period such as 90s, 60m, 4h or 1d (or ISO-8601, PT60M): a number and a unit, nothing else. */
    private static Duration period(String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})([smhd])").matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            Duration d = Duration.parse(value);
            if (d.isNegative()) {
                throw new IllegalArgumentException("'" + value + "' is negative");
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a period such as 90s, 60m, 4h or 1d");
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

    private static String checkedCron(String cron) {
        if (!CronExpression.isValidExpression(cron)) {
            try {
                new CronExpression(cron);
            } catch (java.text.ParseException e) {
                throw new IllegalArgumentException("'" + cron + "' is not a Quartz cron expression: " + e.getMessage());
            }
        }
        return cron;
    }

    private static boolean strictBoolean(String value) {
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("'" + value + "' is not true or false");
    }

    private static String text(Map<String, ?> parameters, String agentId, String field) {
        Object value = parameters.get(field);
        if (value == null || value.toString().isBlank()) {
            throw new InvalidAgentException(agentId, field, "is missing");
        }
        return value.toString().trim();
    }

    private record Reader(String agentId, Map<String, ?> parameters) {
        String text(String field) {
            return AgentSettings.text(parameters, agentId, field);
        }

        /** A parameter added to the template later: routes made before it (or a test's map) may lack it. */
        <T> T parseOr(String field, Function<String, T> parser, T fallback) {
            Object value = parameters.get(field);
            return value == null || value.toString().isBlank() ? fallback : parse(field, parser);
        }

        <T> T parse(String field, Function<String, T> parser) {
            String raw = text(field);
            try {
                return parser.apply(raw);
            } catch (RuntimeException e) {
                String why = e instanceof NumberFormatException ? "'" + raw + "' is not a number" : e.getMessage();
                throw new InvalidAgentException(agentId, field, why);
            }
        }
    }
}
