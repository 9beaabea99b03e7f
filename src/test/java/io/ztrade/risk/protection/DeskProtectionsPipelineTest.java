package io.ztrade.risk.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.records.RunRecord;
import io.ztrade.risk.TradingHolds;
import io.ztrade.risk.TradingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The desk-wide limits through the real route: another agent's recorded losses trip them on this agent's run, and
 * halt the whole desk once per trip.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ztrade.protections.desk.max-drawdown=1500", "ztrade.protections.desk.max-daily-loss=1500"})
@Import(ProtectionPipelineSupport.RecordedHolds.class)
class DeskProtectionsPipelineTest extends ProtectionPipelineSupport {

    /** 10:00 New York. */
    static final Instant FIRE = Instant.parse("2026-11-25T15:00:00Z");

    @Test
    void anotherAgentsLossesTripTheDeskDrawdownAndThenTheDeskDailyLoss() throws Exception {
        String other = newAgentId("other");
        // the other agent: 0.001 "coin" bought two days ago at $5,000,000, $4,000,000 yesterday at its last run (P&L
        // -1,000 when today began), $3,000,000 at 09:50 today (-2,000): 2,000 below the desk's peak of 0, 1,000 lost today
        record(other, FIRE.minus(Duration.ofDays(2)), "BUY", "0.001", "5000000", 5_000_000);
        record(other, FIRE.minus(Duration.ofDays(1)), null, null, null, 4_000_000);
        record(other, FIRE.minus(Duration.ofMinutes(10)), null, null, null, 3_000_000);
        String agentId = addAgent(newAgentId("desk"), Map.of());
        try {
            RunRecord first = fire(agentId, FIRE);

            String drawdown = "protection desk-max-drawdown: the desk's P&L (all agents) is $2,000.00 below its peak ($0.00"
                    + " to -$2,000.00), limit ztrade.protections.desk.max-drawdown $1,500.00; the desk is halted until an"
                    + " operator lifts the hold";
            assertThat(first.status()).isEqualTo("REJECTED_BY_RISK");
            assertThat(first.riskReasons()).isEqualTo(drawdown);
            assertThat(holdsOf(TradingHolds.DESK)).containsExactly(
                    new Hold(TradingHolds.DESK, TradingMode.HALTED, drawdown, "protection:desk-max-drawdown"));
            assertThat(holdsOf(agentId)).as("the desk is held, not the agent").isEmpty();

            // at 10:50 the other agent's run saw $2,000,000: -3,000, 1,000 below the last trip, 2,000 lost today
            record(other, FIRE.plus(Duration.ofMinutes(50)), null, null, null, 2_000_000);
            RunRecord second = fire(agentId, FIRE.plus(Duration.ofMinutes(55)));

            String dailyLoss = "protection desk-max-daily-loss: the desk (all agents) lost $2,000.00 today (P&L -$1,000.00 to"
                    + " -$3,000.00), limit ztrade.protections.desk.max-daily-loss $1,500.00; the desk is halted until an"
                    + " operator lifts the hold";
            assertThat(second.status()).isEqualTo("REJECTED_BY_RISK");
            assertThat(second.riskReasons()).isEqualTo(dailyLoss);
            assertThat(holdsOf(TradingHolds.DESK)).extracting(Hold::source)
                    .containsExactly("protection:desk-max-drawdown", "protection:desk-max-daily-loss");
            assertThat(tripsRecorded(TradingHolds.DESK, "desk-max-drawdown")).isEqualTo(1);
            assertThat(tripsRecorded(TradingHolds.DESK, "desk-max-daily-loss")).isEqualTo(1);
        } finally {
            removeAgent(agentId);
        }
    }
}
