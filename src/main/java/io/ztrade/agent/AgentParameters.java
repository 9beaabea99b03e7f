package io.ztrade.agent;

import io.ztrade.risk.protection.ProtectionLimits;
import io.ztrade.technical.Indicators;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * An agent's template parameters as text, read strictly: every value must be there (Camel fills in the template's
 * defaults, the only ones) and parse, else an {@link InvalidAgentException} names the agent and the parameter.
 * {@link #of} writes settings back as parameters (a replay's route is made from them).
 */
record AgentParameters(String agentId, Map<String, ?> parameters) {

    private static final Pattern PERIOD = Pattern.compile("(\\d{1,6})([smhd])");

    static String text(Map<String, ?> parameters, String agentId, String field) {
        Object value = parameters.get(field);
        if (value == null || value.toString().isBlank()) {
            throw new InvalidAgentException(agentId, field, "is missing");
        }
        return value.toString().trim();
    }

    String text(String field) {
        return text(parameters, agentId, field);
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

    int integer(String field) {
        return parse(field, Integer::parseInt);
    }

    double decimal(String field) {
        return parse(field, Double::parseDouble);
    }

    BigDecimal dollars(String field) {
        return parse(field, BigDecimal::new);
    }

    /** The settings as template parameters, every one of them: {@code fromParameters(of(a))} equals {@code a}. */
    static Map<String, Object> of(AgentSettings a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("agentId", a.agentId());
        p.put("symbol", a.symbol());
        p.put("assetClass", a.assetClass().alpacaName());
        p.put("cron", a.cron());
        p.put("barTimeframe", a.barTimeframe());
        p.put("barCount", String.valueOf(a.barCount()));
        p.put("sentimentWeight", String.valueOf(a.sentimentWeight()));
        p.put("technicalWeight", String.valueOf(a.technicalWeight()));
        p.put("threshold", String.valueOf(a.threshold()));
        p.put("orderNotional", a.orderNotional().toPlainString());
        p.put("maxPositionValue", a.maxPositionValue().toPlainString());
        p.put("maxOrderNotional", a.maxOrderNotional().toPlainString());
        p.put("maxOrdersPerDay", String.valueOf(a.maxOrdersPerDay()));
        p.put("allowShort", String.valueOf(a.allowShort()));
        ProtectionLimits limits = a.protections();
        p.put("maxDrawdown", limits.maxDrawdown().toPlainString());
        p.put("maxDailyLoss", limits.maxDailyLoss().toPlainString());
        p.put("cooldownAfterLosses", String.valueOf(limits.cooldownAfterLosses()));
        p.put("cooldownPeriod", limits.cooldownPeriod().toString());
        Indicators i = a.indicators();
        p.put("rsiPeriod", String.valueOf(i.rsiPeriod()));
        p.put("macdFast", String.valueOf(i.macdFast()));
        p.put("macdSlow", String.valueOf(i.macdSlow()));
        p.put("macdSignal", String.valueOf(i.macdSignal()));
        p.put("smaFast", String.valueOf(i.smaFast()));
        p.put("smaSlow", String.valueOf(i.smaSlow()));
        p.put("bollingerPeriod", String.valueOf(i.bollingerPeriod()));
        p.put("bollingerWidth", String.valueOf(i.bollingerWidth()));
        p.put("strategy", a.plugins().strategy());
        p.put("sentimentFeed", a.plugins().sentimentFeed());
        p.put("decisionRule", a.plugins().decisionRule());
        p.put("riskRules", a.plugins().riskRulesText());
        p.putAll(a.plugins().parameters());
        return p;
    }

    /** A period such as 90s, 60m, 4h or 1d (or ISO-8601, PT60M): a number and a unit, nothing else. */
    static Duration period(String value) {
        Matcher m = PERIOD.matcher(value);
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
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a period such as 90s, 60m, 4h or 1d");
        }
    }

    static String cron(String cron) {
        try {
            new CronExpression(cron);
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("'" + cron + "' is not a Quartz cron expression: " + e.getMessage());
        }
        return cron;
    }

    static boolean strictBoolean(String value) {
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("'" + value + "' is not true or false");
    }
}
