package io.ztrade.risk.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.alert.Alerts;
import io.ztrade.records.RunRecord;
import io.ztrade.risk.TradingMode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Each agent protection tripping through the real route, over the real H2 records. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ProtectionPipelineSupport.RecordedHolds.class)
class AgentProtectionsPipelineTest extends ProtectionPipelineSupport {

    /** 10:00 New York. */
    static final Instant FIRE = Instant.parse("2026-11-25T15:00:00Z");

    @Autowired
    Alerts alerts;
    @Autowired
    AgentCatalog catalog;

    @Test
    void aDrawdownBeyondMaxDrawdownRejectsTheRunAndHaltsTheAgentOnce() throws Exception {
        String agentId = addAgent(newAgentId("dd"), Map.of("maxDrawdown", "500"));
        try {
            // a week ago: 0.5 BTC bought at $10,000,000 a coin, far above any price the simulator quotes
            record(agentId, FIRE.minus(Duration.ofDays(7)), "BUY", "0.5", "10000000", 10_000_000);

            RunRecord run = fire(agentId, FIRE);

            // in decimals as the protection counts: a double product can land on the other side of a half cent
            BigDecimal drawdown = lossOf("0.5", "10000000", run.price());
            String reason = "protection max-drawdown: agent " + agentId + "'s P&L is " + dollars(drawdown) + " below its peak"
                    + " ($0.00 to " + dollars(drawdown.negate()) + "), limit maxDrawdown $500.00; the agent is halted until an"
                    + " operator lifts the hold";
            assertThat(run.status()).isEqualTo("REJECTED_BY_RISK");
            assertThat(run.decision()).isEqualTo("BUY");
            assertThat(run.riskReasons()).isEqualTo(reason);
            assertThat(run.brokerOrderId()).isNull();
            assertThat(holdsOf(agentId)).containsExactly(new Hold(agentId, TradingMode.HALTED, reason, "protection:max-drawdown"));
            assertThat(tripsRecorded(agentId, "max-drawdown")).isEqualTo(1);

            // the hold (the desk state's) stops the next runs until an operator lifts it; the protection itself
            // measures from the trip on, so it neither holds again nor trips on the same loss
            RunRecord next = fire(agentId, FIRE.plusSeconds(60));
            assertThat(next.status()).as("%s", next).isEqualTo("FILLED");
            assertThat(holdsOf(agentId)).hasSize(1);
            assertThat(tripsRecorded(agentId, "max-drawdown")).isEqualTo(1);
        } finally {
            removeAgent(agentId);
        }
    }

    @Test
    void aLossBeyondMaxDailyLossTodayRejectsTheRunAndHaltsTheAgent() throws Exception {
        String agentId = addAgent(newAgentId("dl"), Map.of("maxDailyLoss", "500"));
        try {
            // yesterday's trade was flat; today 0.001 BTC bought at $10,000,000 (09:00 New York)
            record(agentId, FIRE.minus(Duration.ofDays(1)), "BUY", "1", "50000", 50_000);
            record(agentId, FIRE.minus(Duration.ofDays(1)).plusSeconds(60), "SELL", "1", "50000", 50_000);
            record(agentId, FIRE.minus(Duration.ofHours(1)), "BUY", "0.001", "10000000", 10_000_000);

            RunRecord run = fire(agentId, FIRE);

            BigDecimal loss = lossOf("0.001", "10000000", run.price());
            assertThat(run.status()).isEqualTo("REJECTED_BY_RISK");
            assertThat(run.riskReasons()).isEqualTo("protection max-daily-loss: agent " + agentId + " lost " + dollars(loss)
                    + " today (P&L $0.00 to " + dollars(loss.negate()) + "), limit maxDailyLoss $500.00; the agent is halted until"
                    + " an operator lifts the hold");
            assertThat(holdsOf(agentId)).singleElement().satisfies(h -> {
                assertThat(h.mode()).isEqualTo(TradingMode.HALTED);
                assertThat(h.source()).isEqualTo("protection:max-daily-loss");
                assertThat(h.reason()).isEqualTo(run.riskReasons());
            });
            assertThat(tripsRecorded(agentId, "max-daily-loss")).isEqualTo(1);
        } finally {
            removeAgent(agentId);
        }
    }

    @Test
    void twoLosingTradesInARowLockNewPositionsForTheCooldownThenTheLockExpires() throws Exception {
        String agentId = addAgent(newAgentId("cd"), Map.of("cooldownAfterLosses", "2", "cooldownPeriod", "60m"));
        double alertsBefore = cooldownAlerts();
        try {
            Instant t = FIRE.minus(Duration.ofMinutes(40));
            record(agentId, t, "BUY", "0.01", "100000", 100_000);
            record(agentId, t.plusSeconds(300), "SELL", "0.01", "99000", 99_000);
            record(agentId, t.plusSeconds(600), "BUY", "0.01", "100000", 100_000);
            // the second loss in a row, at 09:40 New York: no new position until 10:40
            record(agentId, t.plusSeconds(1200), "SELL", "0.01", "98000", 98_000);

            RunRecord locked = fire(agentId, FIRE);
            RunRecord stillLocked = fire(agentId, FIRE.plus(Duration.ofMinutes(39)));
            RunRecord expired = fire(agentId, FIRE.plus(Duration.ofMinutes(40)));

            String reason = "protection cooldown: agent " + agentId + " lost 2 closing trades in a row, the last at 2026-11-25"
                    + " 09:40 New York; no new position until 2026-11-25 10:40 (cooldownAfterLosses=2, cooldownPeriod=1h)";
            assertThat(locked.status()).isEqualTo("REJECTED_BY_RISK");
            assertThat(locked.riskReasons()).isEqualTo(reason);
            assertThat(stillLocked.riskReasons()).isEqualTo(reason);
            assertThat(expired.status()).as("%s", expired).isEqualTo("FILLED");
            assertThat(expired.fillQty()).isGreaterThan(BigDecimal.ZERO);
            assertThat(cooldownAlerts()).as("one alert for the lock").isEqualTo(alertsBefore + 1);
            assertThat(holdsOf(agentId)).as("a cooldown is no hold").isEmpty();
            assertThat(tripsRecorded(agentId, "cooldown")).isEqualTo(1);
        } finally {
            removeAgent(agentId);
        }
    }

    @Test
    void theTemplatesDefaultsLeaveEveryProtectionOff() throws Exception {
        // test_crypto (test-agents.yaml) sets no protection: it has the shipped template's defaults
        assertThat(catalog.get("test_crypto").protections()).isEqualTo(new ProtectionLimits(java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, 0, java.time.Duration.ofMinutes(60)));
        String agentId = addAgent(newAgentId("off"), Map.of());
        try {
            record(agentId, FIRE.minus(Duration.ofHours(1)), "BUY", "0.5", "10000000", 10_000_000);
            RunRecord run = fire(agentId, FIRE);
            assertThat(run.status()).as("a loss of millions, no protection on: %s", run).isEqualTo("FILLED");
            assertThat(holdsOf(agentId)).isEmpty();
        } finally {
            removeAgent(agentId);
        }
    }

    private double cooldownAlerts() {
        return alerts.count("protection-cooldown", "sent") + alerts.count("protection-cooldown", "held_back");
    }
}
