package io.ztrade.agent;

import io.ztrade.risk.RiskVerdict;
import org.springframework.stereotype.Component;

/**
 * The template's {@code dryRun} step, just before the broker: a start-up run, unless {@code ztrade.run-on-start=trade},
 * has gone through every step for real and ends here, recorded {@link RunStatus#DRY_RUN} with the order it would
 * have sent. It never reaches {@code direct:submitOrder}, so it uses no client order id and counts in no
 * {@code maxOrdersPerDay}. {@code OrderPlacement} asks {@link #dry} again before it sends anything.
 */
@Component("dryRun")
public class DryRuns implements RunStep {

    private final RunOnStart runOnStart;

    public DryRuns(RunOnStartProperties properties) {
        this.runOnStart = properties.runOnStart();
    }

    /** A start-up run trades only when this node says trade (a start-up run another node fired included). */
    public boolean dry(AgentRun run) {
        return run.trigger() == RunTrigger.STARTUP && runOnStart != RunOnStart.TRADE;
    }

    @Override
    public AgentRun apply(AgentRun run) {
        return run.inProgress() && dry(run) ? run.finish(RunStatus.DRY_RUN, wouldSend(run)) : run;
    }

    static String wouldSend(AgentRun run) {
        RiskVerdict order = run.risk();
        String symbol = run.agent().symbol();
        String what = order == null || order.side() == null ? "place an order"
                : order.notional() != null
                ? order.side() + " $" + order.notional().stripTrailingZeros().toPlainString() + " of " + symbol
                : order.side() + " " + (order.qty() == null ? "?" : order.qty().stripTrailingZeros().toPlainString())
                + " " + symbol;
        return "dry run: would " + what + "; set ztrade.run-on-start=trade to trade at start-up";
    }
}
