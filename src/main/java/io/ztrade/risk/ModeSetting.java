package io.ztrade.risk;

import java.time.Instant;

/**
 * One scope's stored mode: who set it, why and when.
 *
 * @param scope  {@link TradingHolds#DESK} or an agent id
 * @param source where the change came from: {@code api}, {@code jmx}, {@code kill-switch}, {@code reconciliation}, ...
 * @param setBy  the user, or {@code system} for a hold nobody typed
 */
public record ModeSetting(String scope, TradingMode mode, String reason, String source, String setBy, Instant setAt) {

    /** What a scope is when nothing was ever stored for it. */
    public static ModeSetting active(String scope) {
        return new ModeSetting(scope, TradingMode.ACTIVE, null, null, null, null);
    }

    /** One line for a run's record, an alert or the console: "desk HALTED by alice (api): maintenance". */
    public String describe() {
        String who = setBy == null ? "" : " by " + setBy + (source == null ? "" : " (" + source + ")");
        String at = setAt == null ? "" : " at " + setAt;
        String level = TradingHolds.DESK.equals(scope) ? "desk" : TradingHolds.STORE_SCOPE.equals(scope) ? "desk (fail-safe)"
                : "agent " + scope;
        return level + " " + mode + who + at
                + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }
}
