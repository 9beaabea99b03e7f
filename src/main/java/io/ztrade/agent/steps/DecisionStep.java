package io.ztrade.agent.steps;

import io.ztrade.agent.AgentRun;
import io.ztrade.decision.DecisionPolicy;
import org.springframework.stereotype.Component;

/** The template's {@code decision} step (bean {@code decisionPolicy}): the two analyses, weighed by the agent's weights. */
@Component("decisionPolicy")
public class DecisionStep {

    private final DecisionPolicy policy;

    public DecisionStep(DecisionPolicy policy) {
        this.policy = policy;
    }

    public AgentRun apply(AgentRun run) {
        return run.withDecision(policy.decide(run.sentiment(), run.technical(), Stages.weights(run.agent())));
    }
}
