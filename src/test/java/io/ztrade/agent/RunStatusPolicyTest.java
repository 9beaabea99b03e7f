package io.ztrade.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.broker.OrderAck;
import io.ztrade.decision.TradeAction;
import io.ztrade.decision.TradeDecision;
import io.ztrade.risk.RiskVerdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RunStatusPolicyTest {

    static final Instant AT = Instant.parse("2026-11-25T15:00:00Z");

    final AgentRun running = AgentRun.start(TestAgents.agent("TSLA", "us_equity"), RunTrigger.SCHEDULE, false, AT, AT);

    @Test
    void aRunThatEndedIsNotEndedAgain() {
        AgentRun held = running.withDecision(new TradeDecision(TradeAction.HOLD, 0.01, 0.5, "HOLD: score +0.010"));

        assertThat(held.status()).isEqualTo(RunStatus.HOLD);
        assertThatThrownBy(() -> held.finish(RunStatus.DRY_RUN, "dry run"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("run " + held.runId() + " of agent_x already ended HOLD; it cannot become DRY_RUN");
        assertThatThrownBy(() -> held.withRisk(verdict(RiskVerdict.Outcome.REJECTED)))
                .hasMessageContaining("already ended HOLD; it cannot become REJECTED_BY_RISK");
    }

    @Test
    void aFailureIsRecordedWhateverTheRunHadReached() {
        AgentRun skipped = running.finish(RunStatus.SKIPPED_MARKET_CLOSED, "closed");

        AgentRun failed = skipped.failed("IllegalStateException: boom");

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.note()).isEqualTo("closed");
        assertThat(failed.error()).isEqualTo("IllegalStateException: boom");
    }

    @Test
    void eachStageResultEndsTheRunInItsOwnStatus() {
        assertThat(running.withRisk(verdict(RiskVerdict.Outcome.APPROVED)).status()).isEqualTo(RunStatus.RUNNING);
        assertThat(running.withRisk(verdict(RiskVerdict.Outcome.REJECTED)).status()).isEqualTo(RunStatus.REJECTED_BY_RISK);
        assertThat(running.withRisk(verdict(RiskVerdict.Outcome.KILL_SWITCH)).status()).isEqualTo(RunStatus.BLOCKED_KILL_SWITCH);
        assertThat(running.withOrder(ack(OrderAck.State.FILLED)).status()).isEqualTo(RunStatus.FILLED);
        assertThat(running.withOrder(ack(OrderAck.State.REJECTED)).status()).isEqualTo(RunStatus.REJECTED_BY_BROKER);
        assertThat(running.withOrder(ack(OrderAck.State.SUBMITTED)).status()).isEqualTo(RunStatus.ORDER_SUBMITTED);
    }

    @Test
    void onlyARunAwaitingItsOrderTakesTheBrokersLaterState() {
        AgentRun submitted = running.withOrder(ack(OrderAck.State.SUBMITTED));

        assertThat(submitted.withOrder(ack(OrderAck.State.FILLED)).status()).isEqualTo(RunStatus.FILLED);
        assertThat(RunStatusPolicy.allowed(RunStatus.INTERRUPTED, RunStatus.FILLED)).isTrue();
        assertThat(RunStatusPolicy.allowed(RunStatus.FILLED, RunStatus.ORDER_SUBMITTED)).isFalse();
        assertThat(RunStatusPolicy.allowed(RunStatus.REJECTED_BY_RISK, RunStatus.FILLED)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = RunStatus.class, names = {"RUNNING", "FAILED"}, mode = EnumSource.Mode.EXCLUDE)
    void anEndedRunNeverGoesBackToRunning(RunStatus ended) {
        assertThat(RunStatusPolicy.allowed(ended, RunStatus.RUNNING)).isFalse();
        assertThat(RunStatusPolicy.allowed(RunStatus.RUNNING, ended)).isTrue();
    }

    static RiskVerdict verdict(RiskVerdict.Outcome outcome) {
        return new RiskVerdict(outcome, outcome == RiskVerdict.Outcome.APPROVED ? List.of() : List.of("over the limit"),
                io.ztrade.broker.OrderSide.BUY, null, java.math.BigDecimal.TEN);
    }

    static OrderAck ack(OrderAck.State state) {
        return new OrderAck("zt-agent_x-1795618800", "b-1", "buy", state.name().toLowerCase(), state, null, null, AT, null);
    }
}
