package io.ztrade.agent;

import io.ztrade.broker.OrderAck;
import io.ztrade.decision.TradeDecision;
import io.ztrade.risk.RiskVerdict;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one place a run's status is decided: which status each stage's result ends the run in, and which changes are
 * allowed. {@link AgentRun} asks it on every change, reconciliation when it completes a record from the broker.
 * A run is {@link RunStatus#RUNNING} until one status ends it; an ended run is not ended again, except that a failure
 * is always recorded (the dead letter must never lose a run), and a run whose order the broker may still change
 * ({@link #AWAITING_BROKER}) takes the broker's state.
 */
public final class RunStatusPolicy {

    /**
     * Statuses whose order may still change at the broker: reconciliation completes them (its query reads this set,
     * io.ztrade.reconcile.Records). Each status is classed in {@link #awaitsBroker}, so a new one does not compile
     * until it is.
     */
    public static final Set<RunStatus> AWAITING_BROKER = EnumSet.copyOf(java.util.Arrays.stream(RunStatus.values())
            .filter(RunStatusPolicy::awaitsBroker).toList());

    private static final Set<RunStatus> BROKER_STATES =
            EnumSet.of(RunStatus.ORDER_SUBMITTED, RunStatus.FILLED, RunStatus.REJECTED_BY_BROKER);

    private RunStatusPolicy() {
    }

    /** No default: every status says whether its order may still change at the broker. */
    private static boolean awaitsBroker(RunStatus status) {
        return switch (status) {
            case ORDER_SUBMITTED, INTERRUPTED -> true;
            case RUNNING, SKIPPED_MARKET_CLOSED, HOLD, REJECTED_BY_RISK, BLOCKED_KILL_SWITCH, FILLED, REJECTED_BY_BROKER,
                 FAILED, DRY_RUN -> false;
        };
    }

    /** HOLD ends the run; BUY and SELL go on to risk. */
    public static RunStatus ofDecision(TradeDecision decision) {
        return decision.isTrade() ? RunStatus.RUNNING : RunStatus.HOLD;
    }

    /** Only an approved verdict lets the run go on to the broker. */
    public static RunStatus ofRisk(RiskVerdict.Outcome outcome) {
        return switch (outcome) {
            case APPROVED -> RunStatus.RUNNING;
            case REJECTED -> RunStatus.REJECTED_BY_RISK;
            case KILL_SWITCH -> RunStatus.BLOCKED_KILL_SWITCH;
        };
    }

    /** What the broker's answer makes of the run, in the route and when reconciliation reads the order later. */
    public static RunStatus ofOrder(OrderAck.State state) {
        return switch (state) {
            case FILLED -> RunStatus.FILLED;
            case REJECTED -> RunStatus.REJECTED_BY_BROKER;
            case SUBMITTED -> RunStatus.ORDER_SUBMITTED;
        };
    }

    public static boolean allowed(RunStatus from, RunStatus to) {
        if (to == RunStatus.FAILED || from == to) {
            return true;
        }
        if (from == RunStatus.RUNNING) {
            return true;
        }
        return AWAITING_BROKER.contains(from) && BROKER_STATES.contains(to);
    }

    /**
     * @throws IllegalStateException when a stage would end a run that has already ended (a route or bean that asks
     *                               for it is wrong, and the run fails naming both statuses)
     */
    static RunStatus next(AgentRun run, RunStatus to) {
        if (!allowed(run.status(), to)) {
            throw new IllegalStateException("run " + run.runId() + " of " + run.agentId() + " already ended "
                    + run.status() + "; it cannot become " + to);
        }
        return to;
    }
}
