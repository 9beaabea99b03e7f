package io.ztrade.agent.steps;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.RunStep;
import io.ztrade.agent.AgentSettings;
import io.ztrade.risk.RiskLimits;
import io.ztrade.risk.RiskValidator;
import io.ztrade.risk.RiskVerdict;
import io.ztrade.agent.RunLogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The template's {@code risk} step (bean {@code riskValidator}, the template's {@code riskBean}): the verdict on the
 * order the run's decision asked for, at the run's price and fire time.
 */
@Component("riskValidator")
public class RiskStep implements RunStep {

    private static final Logger LOG = LoggerFactory.getLogger(RiskStep.class);

    private final RiskValidator validator;
    private final PluginChoices plugins;

    /** Ztrade's own rules only. */
    public RiskStep(RiskValidator validator) {
        this(validator, null);
    }

    @Autowired
    public RiskStep(RiskValidator validator, PluginChoices plugins) {
        this.validator = validator;
        this.plugins = plugins;
    }

    @Override
    public AgentRun apply(AgentRun run) {
        RiskVerdict verdict = validator.validate(limits(run.agent()), run.runId(), run.scheduledAt(),
                run.decision().action(), run.market().price());
        verdict = withPluginRules(run, verdict);
        // the verdict and its reasons, in the run's own log (a replay's thousands of runs a second log nothing)
        if (RunLogs.inLiveRun()) {
            LOG.info("risk {} {} of {}: {}", verdict.outcome(), run.decision().action(), run.agent().symbol(),
                    verdict.reasons().isEmpty() ? "every rule passed" : String.join("; ", verdict.reasons()));
        }
        return run.withRisk(verdict);
    }

    /**
     * The agent's own rules (riskRules) are asked only about an order Ztrade's rules approved, and can only refuse
     * it: a plugin never approves what Ztrade refused.
     */
    private RiskVerdict withPluginRules(AgentRun run, RiskVerdict verdict) {
        if (plugins == null || !verdict.approved() || run.agent().plugins().riskRules().isEmpty()) {
            return verdict;
        }
        List<String> refusals = plugins.of(run).refusals(run.agent().symbol(), run.decision(),
                run.agent().orderNotional(), run.market().price(), run.scheduledAt());
        if (refusals.isEmpty()) {
            return verdict;
        }
        List<String> reasons = new ArrayList<>(verdict.reasons());
        reasons.addAll(refusals);
        return new RiskVerdict(RiskVerdict.Outcome.REJECTED, List.copyOf(reasons), verdict.side(), null, null);
    }

    public static RiskLimits limits(AgentSettings agent) {
        return new RiskLimits(agent.agentId(), agent.symbol(), agent.assetClass(), agent.orderNotional(),
                agent.maxPositionValue(), agent.maxOrderNotional(), agent.maxOrdersPerDay(), agent.allowShort(),
                agent.protections());
    }
}
