package io.ztrade.agent.steps;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import io.ztrade.risk.RiskLimits;
import io.ztrade.risk.RiskValidator;
import io.ztrade.risk.RiskVerdict;
import io.ztrade.agent.RunLogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The template's {@code risk} step (bean {@code riskValidator}, the template's {@code riskBean}): the verdict on the
 * order the run's decision asked for, at the run's price and fire time.
 */
@Component("riskValidator")
public class RiskStep {

    private static final Logger LOG = LoggerFactory.getLogger(RiskStep.class);

    private final RiskValidator validator;

    public RiskStep(RiskValidator validator) {
        this.validator = validator;
    }

    public AgentRun apply(AgentRun run) {
        RiskVerdict verdict = validator.validate(limits(run.agent()), run.runId(), run.scheduledAt(),
                run.decision().action(), run.market().price());
        // the verdict and its reasons, in the run's own log (a replay's thousands of runs a second log nothing)
        if (RunLogs.inLiveRun()) {
            LOG.info("risk {} {} of {}: {}", verdict.outcome(), run.decision().action(), run.agent().symbol(),
                    verdict.reasons().isEmpty() ? "every rule passed" : String.join("; ", verdict.reasons()));
        }
        return run.withRisk(verdict);
    }

    public static RiskLimits limits(AgentSettings agent) {
        return new RiskLimits(agent.agentId(), agent.symbol(), agent.assetClass(), agent.orderNotional(),
                agent.maxPositionValue(), agent.maxOrderNotional(), agent.maxOrdersPerDay(), agent.allowShort(),
                agent.protections());
    }
}
