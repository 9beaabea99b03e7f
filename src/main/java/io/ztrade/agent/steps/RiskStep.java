package io.ztrade.agent.steps;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import io.ztrade.risk.RiskLimits;
import io.ztrade.risk.RiskValidator;
import org.springframework.stereotype.Component;

/**
 * The template's {@code risk} step (bean {@code riskValidator}, the template's {@code riskBean}): the verdict on the
 * order the run's decision asked for, at the run's price and fire time.
 */
@Component("riskValidator")
public class RiskStep {

    private final RiskValidator validator;

    public RiskStep(RiskValidator validator) {
        this.validator = validator;
    }

    public AgentRun apply(AgentRun run) {
        return run.withRisk(validator.validate(limits(run.agent()), run.runId(), run.scheduledAt(),
                run.decision().action(), run.market().price()));
    }

    public static RiskLimits limits(AgentSettings agent) {
        return new RiskLimits(agent.agentId(), agent.symbol(), agent.assetClass(), agent.orderNotional(),
                agent.maxPositionValue(), agent.maxOrderNotional(), agent.maxOrdersPerDay(), agent.allowShort(),
                agent.protections());
    }
}
