package io.ztrade.agent;

import java.util.Locale;

/** What the start-up runs do ({@code ztrade.run-on-start}). */
public enum RunOnStart {
    /** No start-up runs: agents wait for their first cron fire time. */
    OFF,
    /** Every agent runs once at start-up through every step, risk included, but places no order (recorded DRY_RUN). */
    DRY,
    /** Every agent runs once at start-up and places the order a scheduled run would. */
    TRADE;

    /**
     * Reads the property; {@code true} and {@code false}, the values before dry runs existed, mean {@code dry} and
     * {@code off} (an old {@code true} never starts trading by surprise).
     */
    public static RunOnStart of(String value) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "off", "false", "no" -> OFF;
            case "dry", "true", "yes" -> DRY;
            case "trade" -> TRADE;
            default -> throw new IllegalArgumentException("ztrade.run-on-start must be off, dry or trade (true means dry,"
                    + " false off), not '" + value + "'");
        };
    }
}
