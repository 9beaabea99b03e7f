package io.ztrade.agent.steps;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.RunStep;
import io.ztrade.decision.DecisionPolicy;
import io.ztrade.decision.WeightedDecisionRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The template's {@code decision} step (bean {@code decisionPolicy}): the two analyses, weighed by the agent's weights. */
@Component("decisionPolicy")
public class DecisionStep implements RunStep {

    private final DecisionPolicy policy;
    private final PluginChoices plugins;

    /** Ztrade's own decision only. */
    public DecisionStep(DecisionPolicy policy) {
        this(policy, null);
    }

    @Autowired
    public DecisionStep(DecisionPolicy policy, PluginChoices plugins) {
        this.policy = policy;
        this.plugins = plugins;
    }

    @Override
    public AgentRun apply(AgentRun run) {
        if (plugins == null || WeightedDecisionRule.NAME.equals(run.agent().plugins().decisionRule())) {
            return run.withDecision(policy.decide(run.sentiment(), run.technical(), Stages.weights(run.agent())));
        }
        return run.withDecision(plugins.of(run).decide(run.market(), run.agent().assetClass().alpacaName(),
                run.scheduledAt(), run.sentiment(), run.technical(), Stages.weights(run.agent())));
    }
}
