package io.ztrade.agent;

/** An agent entry in {@code routes/} that cannot run; the message names the agent, the field and the problem. */
public class InvalidAgentException extends IllegalArgumentException {

    private final String agentId;
    private final String field;

    public InvalidAgentException(String agentId, String field, String problem) {
        super("agent " + agentId + ": parameter '" + field + "' " + problem);
        this.agentId = agentId;
        this.field = field;
    }

    public String agentId() {
        return agentId;
    }

    public String field() {
        return field;
    }
}
