package io.ztrade.agent;


/**
 * One agent in JMX ({@code io.ztrade:context=<name>,type=agents,name=<agentId>}), for Hawtio's JMX tab and jconsole.
 * Times are ISO-8601 instants; actions go through {@link AgentActions}, so they are audited like API calls.
 */
public interface AgentMXBean {

    String getSymbol();

    String getCron();

    String getNextFireTime();

    boolean isPaused();

    /** BUY, SELL or HOLD of the newest run that decided, with its score. */
    String getLastDecision();

    String getLastStatus();

    String getLastRunAt();

    /** Orders sent to the broker since midnight New York time. */
    int getOrdersToday();

    /**
     * Runs the agent now; market hours still apply. Answered as the API's run now ({@link RunNow}): the started run's
     * id in a line, or an error saying why it does not run (market closed; a run going on or waiting, on any node).
     */
    String runNow();

    /** Runs the agent now, even when its market is closed; refused, as {@link #runNow}, while a run goes on. */
    String runNowForced();

    void pause();

    void resume();

    /** The agent's own mode (ACTIVE, REDUCE_ONLY, HALTED); the desk's may be stricter. */
    String getMode();

    /** The agent's own mode as one line: who set it, when and why. */
    String getModeReason();

    /** Sets the agent's own mode; a reason is required for REDUCE_ONLY and HALTED; only an admin loosens. */
    void setMode(String mode, String reason);
}
