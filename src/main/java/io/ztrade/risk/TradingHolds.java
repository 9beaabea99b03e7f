package io.ztrade.risk;

/**
 * What puts the desk or one agent on hold without an operator: reconciliation finding a mismatch, a protection
 * (drawdown, daily loss, losing streak) tripping. A hold is durable and stays until an operator lifts it.
 */
public interface TradingHolds {

    /** The scope of a desk-wide hold; any other scope is an agent id. */
    String DESK = "desk";

    /** The scope of the fail-safe HALTED setting when the desk state cannot be read. */
    String STORE_SCOPE = "desk-state";

    /**
     * Sets the scope to {@code mode} (never loosens a stricter mode already set), records why, audits and alerts.
     *
     * @param scope  {@link #DESK} or an agent id
     * @param reason one line an operator reads in the console, the API and the alert
     * @param source who decided: {@code reconciliation}, {@code protection:max-drawdown}, ...
     */
    void hold(String scope, TradingMode mode, String reason, String source);

    /**
     * Lifts a hold this source set, when it is still the scope's setting (an operator's or another source's later
     * setting is never touched): reconciliation lifts its own hold once its last issue for the agent is acknowledged.
     *
     * @return whether the scope went back to ACTIVE
     */
    boolean release(String scope, String source, String reason, String by);
}
