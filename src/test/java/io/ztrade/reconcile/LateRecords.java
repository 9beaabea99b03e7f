package io.ztrade.reconcile;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.RunStatus;
import io.ztrade.agent.RunTrigger;
import io.ztrade.broker.OrderAck;
import io.ztrade.broker.OrderSide;
import io.ztrade.decision.TradeAction;
import io.ztrade.decision.TradeDecision;
import io.ztrade.market.MarketSnapshot;
import io.ztrade.risk.RiskVerdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A run's own record as the route makes it, for a run id reconciliation has already given a row. */
final class LateRecords {

    private LateRecords() {
    }

    /** Its poll timed out: the run saw the order accepted, not its fill. */
    static AgentRun submittedRun(String runId, AgentSettings agent, String clientOrderId) {
        Instant fire = Instant.ofEpochSecond(Long.parseLong(clientOrderId.substring(clientOrderId.lastIndexOf('-') + 1)));
        MarketSnapshot market = new MarketSnapshot(agent.symbol(), 65000, 64990, 65010, fire, List.of(),
                "test");
        OrderAck accepted = new OrderAck(clientOrderId, "7a1b2c3d-0000-4000-8000-000000000001", "buy", "accepted",
                OrderAck.State.SUBMITTED, BigDecimal.ZERO, null, fire, null);
        return new AgentRun(runId, agent, RunTrigger.SCHEDULE, false, fire, fire, market, null, null,
                new TradeDecision(TradeAction.BUY, 0.4, 0.8, "test"),
                new RiskVerdict(RiskVerdict.Outcome.APPROVED, List.of(), OrderSide.BUY, null, new BigDecimal("1000")),
                accepted, List.of(), RunStatus.ORDER_SUBMITTED, null, null, fire.plusSeconds(3));
    }
}
