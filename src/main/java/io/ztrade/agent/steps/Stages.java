package io.ztrade.agent.steps;

import io.ztrade.agent.AgentSettings;
import io.ztrade.decision.Weights;
import io.ztrade.market.Instrument;

/** What each stage is asked, read from the agent's settings: the stages know their own inputs, not the agent. */
final class Stages {

    private Stages() {
    }

    static Instrument instrument(AgentSettings agent) {
        return new Instrument(agent.agentId(), agent.symbol(), agent.assetClass());
    }

    static Weights weights(AgentSettings agent) {
        return new Weights(agent.sentimentWeight(), agent.technicalWeight(), agent.threshold());
    }
}
