package io.ztrade.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.RunStatus;
import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.steps.RiskStep;
import io.ztrade.backtest.ReplayRecords;
import io.ztrade.broker.Account;
import io.ztrade.broker.Broker;
import io.ztrade.broker.OrderAck;
import io.ztrade.broker.OrderRequest;
import io.ztrade.broker.OrderSide;
import io.ztrade.broker.Position;
import io.ztrade.decision.TradeAction;
import io.ztrade.decision.TradeDecision;
import io.ztrade.market.MarketSnapshot;
import io.ztrade.records.PerformanceStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Sizing and the desk's modes (HALTED, REDUCE_ONLY), with the broker and the records as small in-memory fakes of their interfaces. */
class RiskValidatorTest {

    private final AtomicInteger brokerCalls = new AtomicInteger();
    private Optional<Position> position = Optional.empty();

    private final Broker broker = new Broker() {
        @Override
        public OrderAck submit(OrderRequest order) {
            throw new AssertionError("risk never submits");
        }

        @Override
        public Optional<OrderAck> findByClientOrderId(String clientOrderId) {
            return Optional.empty();
        }

        @Override
        public Optional<OrderAck> findOrder(io.ztrade.broker.OrderRequest order) {
            return Optional.empty();
        }

        @Override
        public Account account() {
            brokerCalls.incrementAndGet();
            return RiskRulesTest.RICH;
        }

        @Override
        public Optional<Position> position(String symbol) {
            brokerCalls.incrementAndGet();
            return position;
        }
    };

    /** The replay's in-memory records: empty, so the agent has placed no order today. */
    private final PerformanceStore noOrdersYet = new ReplayRecords();

    private EffectiveMode mode = EffectiveMode.ACTIVE;
    private final RiskValidator validator = new RiskValidator(List.of(new MaxOrderValueRule(), new MaxPositionValueRule(),
            new MaxOrdersPerDayRule(), new NoShortSellingRule(), new BuyingPowerRule(), new AccountStatusRule()),
            agentId -> mode, broker, noOrdersYet);
    private final RiskStep risk = new RiskStep(validator);

    private void deskIs(TradingMode value, String reason) {
        ModeSetting setting = new ModeSetting("desk", value, reason, "api", "alice", Instant.parse("2026-11-25T14:00:00Z"));
        mode = new EffectiveMode(value, setting);
    }

    private void holding(String qty) {
        position = Optional.of(new Position("TSLA", new BigDecimal(qty), new BigDecimal(qty).abs().multiply(new BigDecimal("250")),
                new BigDecimal("240")));
    }

    private AgentRun decided(TradeAction action) {
        AgentRun run = AgentRun.start(RiskRulesTest.agent("us_equity", false), RunTrigger.MANUAL, true,
                Instant.parse("2026-11-25T15:00:00Z"), Instant.now());
        run = run.withMarket(new MarketSnapshot("TSLA", 250.0, 249.9, 250.1, Instant.now(), List.of(), "test"));
        return run.withDecision(new TradeDecision(action, action == TradeAction.BUY ? 0.5 : -0.5, 0.5, "test"));
    }

    @Test
    void aBuyIsSizedByNotionalAndApproved() {
        AgentRun run = risk.apply(decided(TradeAction.BUY));

        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.risk().approved()).isTrue();
        assertThat(run.risk().side()).isEqualTo(OrderSide.BUY);
        assertThat(run.risk().notional()).isEqualByComparingTo("1000.00");
        assertThat(run.risk().qty()).isNull();
    }

    @Test
    void aSellNeverExceedsTheLongPosition() {
        position = Optional.of(new Position("TSLA", new BigDecimal("2"), new BigDecimal("500"), new BigDecimal("240")));

        AgentRun run = risk.apply(decided(TradeAction.SELL));

        assertThat(run.risk().approved()).isTrue();
        assertThat(run.risk().qty()).isEqualByComparingTo("2");
        assertThat(run.risk().notional()).isNull();
    }

    @Test
    void aSellWithNoPositionIsRejectedWithItsReason() {
        AgentRun run = risk.apply(decided(TradeAction.SELL));

        assertThat(run.status()).isEqualTo(RunStatus.REJECTED_BY_RISK);
        assertThat(run.note()).contains("would go short; short selling is off (allowShort=false)");
    }

    @Test
    void aHaltedDeskBlocksWithoutAskingTheBrokerAndSaysWhoAndWhy() {
        deskIs(TradingMode.HALTED, "exchange outage");

        AgentRun run = risk.apply(decided(TradeAction.BUY));

        assertThat(run.status()).isEqualTo(RunStatus.BLOCKED_KILL_SWITCH);
        assertThat(run.risk().approved()).isFalse();
        assertThat(run.note()).contains("desk HALTED by alice (api)").contains("exchange outage");
        assertThat(brokerCalls).hasValue(0);
    }

    @Test
    void reduceOnlyLetsASellOfALongThroughSizedToThePosition() {
        deskIs(TradingMode.REDUCE_ONLY, "wind down");
        holding("2");

        AgentRun run = risk.apply(decided(TradeAction.SELL));

        assertThat(run.risk().approved()).isTrue();
        assertThat(run.risk().side()).isEqualTo(OrderSide.SELL);
        assertThat(run.risk().qty()).as("never more than the long: the position does not flip").isEqualByComparingTo("2");
    }

    @Test
    void reduceOnlyRefusesABuyThatOpensOrGrowsALong() {
        deskIs(TradingMode.REDUCE_ONLY, "wind down");
        for (String held : List.of("0", "3")) {
            holding(held);

            AgentRun run = risk.apply(decided(TradeAction.BUY));

            assertThat(run.status()).isEqualTo(RunStatus.REJECTED_BY_RISK);
            assertThat(run.note()).startsWith("reduce-only: a BUY").contains("desk REDUCE_ONLY by alice").contains("wind down");
        }
    }

    @Test
    void reduceOnlyRefusesASellThatOpensAShortEvenWhenShortsAreAllowed() {
        deskIs(TradingMode.REDUCE_ONLY, "wind down");

        AgentRun run = risk.apply(decided(TradeAction.SELL));

        assertThat(run.status()).isEqualTo(RunStatus.REJECTED_BY_RISK);
        assertThat(run.note()).startsWith("reduce-only: a SELL with no long position in TSLA");
    }

    @Test
    void reduceOnlyBuysBackAShortByQuantityAndNeverMoreThanTheShort() {
        deskIs(TradingMode.REDUCE_ONLY, "wind down");
        holding("-1.5");

        AgentRun run = risk.apply(decided(TradeAction.BUY));

        assertThat(run.risk().approved()).isTrue();
        assertThat(run.risk().notional()).as("a reducing buy is sized by quantity").isNull();
        assertThat(run.risk().qty()).as("$1000 at $250 would be 4; the short is 1.5").isEqualByComparingTo("1.5");
    }
}
