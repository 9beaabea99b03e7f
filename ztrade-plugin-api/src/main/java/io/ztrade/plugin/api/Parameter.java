package io.ztrade.plugin.api;

import java.util.Locale;

/**
 * A parameter a {@link Step} declares: an agent sets it as {@code <step name>.<name>} in {@code routes/agents.yaml}
 * (or a backtest overrides or sweeps it under that name). Ztrade checks the value's type and range when the agent is
 * loaded, so a wrong value fails start-up (or the reload, or the backtest) naming the agent and the parameter.
 *
 * @param name         a letter, then letters and digits, e.g. {@code window}
 * @param type         how the value is read
 * @param defaultValue the value when the agent gives none (it must itself be valid)
 * @param min          the smallest allowed value of a number, or null for none
 * @param max          the largest allowed value of a number, or null for none
 * @param description  one line for the console and {@code GET /api/plugins}
 */
public record Parameter(String name, ParameterType type, String defaultValue, Double min, Double max,
                        String description) {

    public Parameter {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be a letter, then letters and digits");
        }
        if (type == null || defaultValue == null) {
            throw new IllegalArgumentException("parameter '" + name + "' needs a type and a default value");
        }
        description = description == null ? "" : description;
    }

    public static Parameter integer(String name, int defaultValue, int min, int max, String description) {
        return new Parameter(name, ParameterType.INTEGER, String.valueOf(defaultValue), (double) min, (double) max,
                description);
    }

    public static Parameter decimal(String name, double defaultValue, double min, double max, String description) {
        return new Parameter(name, ParameterType.DECIMAL, String.valueOf(defaultValue), min, max, description);
    }

    public static Parameter bool(String name, boolean defaultValue, String description) {
        return new Parameter(name, ParameterType.BOOLEAN, String.valueOf(defaultValue), null, null, description);
    }

    public static Parameter text(String name, String defaultValue, String description) {
        return new Parameter(name, ParameterType.TEXT, defaultValue, null, null, description);
    }

    /**
     * Reads a value of this parameter: an {@link Integer}, {@link Double}, {@link Boolean} or {@link String}.
     *
     * @throws IllegalArgumentException saying what is wrong, e.g. "must be between 2 and 500, got 1"
     */
    public Object parse(String raw) {
        String value = raw == null ? "" : raw.trim();
        Object parsed;
        switch (type) {
            case INTEGER -> {
                try {
                    parsed = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a whole number, got '" + value + "'");
                }
            }
            case DECIMAL -> {
                try {
                    parsed = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a number, got '" + value + "'");
                }
                if (((Double) parsed).isNaN() || ((Double) parsed).isInfinite()) {
                    throw new IllegalArgumentException("must be a finite number, got '" + value + "'");
                }
            }
            case BOOLEAN -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("must be true or false, got '" + value + "'");
                }
                parsed = Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
            }
            default -> parsed = value;
        }
        if (parsed instanceof Number n && (min != null && n.doubleValue() < min || max != null && n.doubleValue() > max)) {
            throw new IllegalArgumentException("must be between " + bound(min) + " and " + bound(max) + ", got " + value);
        }
        return parsed;
    }

    private String bound(Double bound) {
        if (bound == null) {
            return "any";
        }
        return type == ParameterType.INTEGER ? String.valueOf(bound.longValue()) : String.valueOf(bound);
    }
}
