package io.ztrade.plugin.api;

import java.util.Map;

/**
 * What a {@link Strategy} concluded. Ztrade refuses (fails the run, naming the step) a value outside [-1, 1] or a
 * confidence outside [0, 1].
 *
 * @param value      in [-1, 1]; positive is bullish
 * @param confidence in [0, 1]; 0 when there was too little data
 * @param details    the numbers behind it (shown in the run's record), may be empty
 * @param reason     why the confidence is 0, or null
 */
public record Signal(double value, double confidence, Map<String, Double> details, String reason) {

    public Signal {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static Signal of(double value, double confidence) {
        return new Signal(value, confidence, Map.of(), null);
    }

    /** No signal: too few bars, or nothing to say. */
    public static Signal none(String reason) {
        return new Signal(0, 0, Map.of(), reason);
    }
}
