package io.ztrade.agent;

/**
 * The audited actions on one agent, whoever asks (REST API, console, JMX). The desk does them (it stores pauses and
 * writes the audit log); the agent's controller and MBean only ask, so the agent package needs nothing of the desk.
 */
public interface AgentActions {

    /** A manual run now; {@code force} ignores market hours. Returns the run's id. */
    String runNow(String agentId, boolean force);

    void pause(String agentId);

    void resume(String agentId);

    /** A test run of the agent's steps (or of one step) was made; recorded so the audit shows who called the providers. */
    void tested(String agentId, String step);
}
