package io.ztrade.agent.steps;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.DryRuns;
import io.ztrade.agent.InFlightRuns;
import io.ztrade.agent.RunStatus;
import io.ztrade.broker.Broker;
import io.ztrade.broker.OrderAck;
import io.ztrade.broker.OrderRequest;
import io.ztrade.broker.Position;
import io.ztrade.market.AssetClass;
import io.ztrade.risk.DeskModes;
import io.ztrade.risk.EffectiveMode;
import io.ztrade.risk.ReduceOnly;
import io.ztrade.risk.RiskVerdict;
import io.ztrade.risk.TradingMode;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The {@code broker} step: turns the approved, sized verdict into one market order with the run's client
 * order id. Checks the approval again itself: an order risk did not approve is never sent, whatever the
 * route says. Asks the desk's mode again right before the POST, so a kill switch or a hold set while the run was
 * in risk (on any node) still stops it. Before the order leaves, its intent is written to the records database
 * ({@link OrderIntents}).
 */
@Component
public class OrderPlacement {

    private final Broker broker;
    private final DeskModes desk;
    private final OrderIntents intents;
    private final DryRuns dryRuns;
    private final InFlightRuns inFlight;

    /**
     * Without the live gates and intents: a broker whose orders live only in this JVM (a replay's paper broker).
     *
     * @param desk the live desk; a backtest passes {@link DeskModes#ALWAYS_ACTIVE}
     */
    public OrderPlacement(Broker broker, DeskModes desk) {
        this(broker, desk, OrderIntents.NONE, null, null);
    }

    @Autowired
    public OrderPlacement(Broker broker, DeskModes desk, OrderIntents intents, DryRuns dryRuns, InFlightRuns inFlight) {
        this.broker = broker;
        this.desk = desk;
        this.intents = intents;
        this.dryRuns = dryRuns;
        this.inFlight = inFlight;
    }

    public AgentRun place(AgentRun run) {
        RiskVerdict verdict = run.risk();
        if (verdict == null || !verdict.approved() || run.status() != RunStatus.RUNNING) {
            throw new IllegalStateException("agent " + run.agentId() + ": refusing to place order " + run.clientOrderId()
                    + " that risk did not approve");
        }
        // the template's dryRun step ends a dry run before the broker; this holds if an edited template lost it
        if (dryRuns != null && dryRuns.dry(run)) {
            throw new IllegalStateException("agent " + run.agentId() + ": refusing to place order " + run.clientOrderId()
                    + " of a dry run (a start-up run; ztrade.run-on-start=trade lets start-up runs trade)");
        }
        // the start-up gate first: a hold the start-up reconciliation sets, or a shutdown that recorded the run
        // INTERRUPTED, while this order waits must stop it
        intents.awaitReady();
        if (inFlight != null && inFlight.ordersClosed()) {
            throw new IllegalStateException("agent " + run.agentId() + ": refusing to place order " + run.clientOrderId()
                    + ": this node is shutting down and has recorded the run INTERRUPTED");
        }
        EffectiveMode mode = desk.effective(run.agentId());
        if (mode.mode() == TradingMode.HALTED) {
            return run.finish(RunStatus.BLOCKED_KILL_SWITCH, "no order (checked before sending): " + mode.describe());
        }
        if (mode.mode() == TradingMode.REDUCE_ONLY && !ReduceOnly.shrinks(verdict.side(), verdict.qty(),
                broker.position(run.agent().symbol()).map(Position::qty).orElse(BigDecimal.ZERO))) {
            return run.finish(RunStatus.REJECTED_BY_RISK, "reduce-only (checked before sending): " + verdict.side()
                    + " would not shrink the position in " + run.agent().symbol() + " (" + mode.describe() + ")");
        }
        OrderRequest order = orderOf(run);
        // durably before the POST: a crash from here on leaves a trace for reconciliation
        intents.intend(run, order);
        try {
            return run.withOrder(broker.submit(order));
        } finally {
            intents.settled(order.clientOrderId());
        }
    }

    /** The order an approved run sends: its sized verdict under its client order id. */
    public static OrderRequest orderOf(AgentRun run) {
        RiskVerdict verdict = run.risk();
        String timeInForce = run.agent().assetClass() == AssetClass.CRYPTO ? "gtc" : "day";
        return new OrderRequest(run.agent().symbol(), verdict.side(), verdict.qty(), verdict.notional(),
                timeInForce, run.clientOrderId());
    }

    /**
     * This client order id already went through here (same fire time twice, or another node): report what the
     * broker has for it instead of sending again, if it is this run's order (else a client order id collision).
     */
    public AgentRun alreadySubmitted(AgentRun run) {
        Optional<OrderAck> found = run.risk() != null && run.risk().approved()
                ? broker.findOrder(orderOf(run)) : broker.findByClientOrderId(run.clientOrderId());
        return found
                .map(run::withOrder)
                .orElseGet(() -> run.finish(RunStatus.ORDER_SUBMITTED, "order " + run.clientOrderId()
                        + " was already being submitted for this fire time; not sent again"));
    }
}
