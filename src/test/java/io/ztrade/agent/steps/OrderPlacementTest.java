package io.ztrade.agent.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.DryRuns;
import io.ztrade.agent.InFlightRuns;
import io.ztrade.agent.RunOnStart;
import io.ztrade.agent.RunOnStartProperties;
import io.ztrade.agent.RunStatus;
import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.TestAgents;
import io.ztrade.broker.Account;
import io.ztrade.broker.FillingBroker;
import io.ztrade.broker.Broker;
import io.ztrade.broker.OrderAck;
import io.ztrade.broker.OrderRequest;
import io.ztrade.broker.OrderSide;
import io.ztrade.broker.Position;
import io.ztrade.risk.DeskModes;
import io.ztrade.risk.EffectiveMode;
import io.ztrade.risk.ModeSetting;
import io.ztrade.risk.RiskVerdict;
import io.ztrade.risk.TradingMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderPlacementTest {

    private final FillingBroker broker = new FillingBroker();
    private final List<OrderRequest> sent = broker.sent;

    static AgentSettings agent(String symbol, String assetClass) {
        return TestAgents.agent(symbol, assetClass);
    }

    private static AgentRun approved(AgentSettings agent, RiskVerdict verdict) {
        return AgentRun.start(agent, RunTrigger.SCHEDULE, false, Instant.parse("2026-11-25T15:00:00Z"), Instant.now())
                .withRisk(verdict);
    }

    @Test
    void stocksTradeDayOrdersByNotional() {
        new OrderPlacement(broker, DeskModes.ALWAYS_ACTIVE).place(approved(agent("TSLA", "us_equity"),
                new RiskVerdict(RiskVerdict.Outcome.APPROVED, List.of(), OrderSide.BUY, null, new BigDecimal("1000"))));
        assertThat(sent).singleElement().satisfies(o -> {
            assertThat(o.timeInForce()).isEqualTo("day");
            assertThat(o.notional()).isEqualByComparingTo("1000");
            assertThat(o.qty()).isNull();
            assertThat(o.clientOrderId()).isEqualTo("zt-agent_x-1795618800");
        });
    }

    @Test
    void cryptoTradesGoodTillCanceled() {
        new OrderPlacement(broker, DeskModes.ALWAYS_ACTIVE).place(approved(agent("BTC/USD", "crypto"),
                new RiskVerdict(RiskVerdict.Outcome.APPROVED, List.of(), OrderSide.SELL, new BigDecimal("0.01"), null)));
        assertThat(sent).singleElement().satisfies(o -> {
            assertThat(o.timeInForce()).isEqualTo("gtc");
            assertThat(o.qty()).isEqualByComparingTo("0.01");
            assertThat(o.notional()).isNull();
        });
    }

    @Test
    void neverSendsAnOrderRiskDidNotApprove() {
        AgentRun unapproved = AgentRun.start(agent("TSLA", "us_equity"), RunTrigger.SCHEDULE, false, Instant.now(), Instant.now());
        assertThatThrownBy(() -> new OrderPlacement(broker, DeskModes.ALWAYS_ACTIVE).place(unapproved)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("risk did not approve");
        assertThat(sent).isEmpty();
    }

    @Test
    void neverSendsADryRunsOrderNorOneAfterTheShutdownClosedOrders() {
        RiskVerdict buy = new RiskVerdict(RiskVerdict.Outcome.APPROVED, List.of(), OrderSide.BUY, null, new BigDecimal("1000"));
        InFlightRuns inFlight = new InFlightRuns();
        OrderPlacement placement = new OrderPlacement(broker, DeskModes.ALWAYS_ACTIVE, OrderIntents.NONE, new DryRuns(new RunOnStartProperties(RunOnStart.DRY)), inFlight);
        AgentRun startup = AgentRun.start(agent("TSLA", "us_equity"), RunTrigger.STARTUP, false, Instant.now(), Instant.now())
                .withRisk(buy);
        assertThatThrownBy(() -> placement.place(startup)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("of a dry run");
        OrderPlacement trading = new OrderPlacement(broker, DeskModes.ALWAYS_ACTIVE, OrderIntents.NONE, new DryRuns(new RunOnStartProperties(RunOnStart.TRADE)), inFlight);
        trading.place(startup);
        assertThat(sent).hasSize(1);

        inFlight.closeOrders();
        assertThatThrownBy(() -> trading.place(approved(agent("TSLA", "us_equity"), buy)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shutting down");
        assertThat(sent).hasSize(1);
    }

    @Test
    void aHaltSetAfterRiskApprovedStopsTheOrderBeforeThePost() {
        ModeSetting halt = new ModeSetting("agent_x", TradingMode.HALTED, "fat finger", "api", "bob", Instant.now());
        AgentRun run = new OrderPlacement(broker, agentId -> new EffectiveMode(TradingMode.HALTED, halt)).place(
                approved(agent("TSLA", "us_equity"),
                        new RiskVerdict(RiskVerdict.Outcome.APPROVED, List.of(), OrderSide.BUY, null, new BigDecimal("1000"))));

        assertThat(sent).isEmpty();
        assertThat(run.status()).isEqualTo(RunStatus.BLOCKED_KILL_SWITCH);
        assertThat(run.note()).contains("agent agent_x HALTED by bob (api)").contains("fat finger");
    }

    @Test
    void aReduceOnlySetAfterRiskApprovedStopsAnOrderThatWouldOpenAPosition() {
        ModeSetting reduce = new ModeSetting("desk", TradingMode.REDUCE_ONLY, "wind down", "api", "bob", Instant.now());
        AgentRun run = new OrderPlacement(broker, agentId -> new EffectiveMode(TradingMode.REDUCE_ONLY, reduce)).place(
                approved(agent("TSLA", "us_equity"),
                        new RiskVerdict(RiskVerdict.Outcome.APPROVED, List.of(), OrderSide.BUY, null, new BigDecimal("1000"))));

        assertThat(sent).isEmpty();
        assertThat(run.status()).isEqualTo(RunStatus.REJECTED_BY_RISK);
        assertThat(run.note()).startsWith("reduce-only").contains("wind down");
    }

    @Test
    void anOrderCarriesQtyOrNotionalNeverBoth() {
        assertThatThrownBy(() -> new OrderRequest("TSLA", OrderSide.BUY, BigDecimal.ONE, BigDecimal.TEN, "day", "zt-a-1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderRequest("TSLA", OrderSide.BUY, null, null, "day", "zt-a-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
