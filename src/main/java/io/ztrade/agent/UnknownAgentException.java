package io.ztrade.agent;

import java.util.Collection;

/** No agent of that id is defined in {@code routes/}. */
public class UnknownAgentException extends RuntimeException {

    public UnknownAgentException(String agentId, Collection<String> known) {
        super("unknown agent '" + agentId + "'; agents defined in routes/: " + String.join(", ", known));
    }
}
