package io.ztrade.plugin.api;

/**
 * A {@link RiskRule}'s answer.
 *
 * @param approved whether the rule lets the order through
 * @param reason   why not (the run's note, REJECTED), or null when approved
 */
public record Verdict(boolean approved, String reason) {

    public static Verdict approve() {
        return new Verdict(true, null);
    }

    public static Verdict reject(String reason) {
        return new Verdict(false, reason);
    }
}
