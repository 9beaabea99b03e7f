package io.ztrade.backtest;

import io.ztrade.agent.AgentRuns;
import io.ztrade.agent.AgentSettings;
import org.apache.camel.Exchange;

/** The replay route's {@code agentRuns}: the same first and last steps, with the backtest's settings. */
final class ReplayAgentRuns extends AgentRuns {

    private final AgentSettings settings;

    ReplayAgentRuns(AgentSettings settings) {
        super(null);
        this.settings = settings;
    }

    @Override
    protected AgentSettings settingsOf(Exchange exchange) {
        return settings;
    }
}
