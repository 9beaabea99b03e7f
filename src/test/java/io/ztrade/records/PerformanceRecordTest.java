package io.ztrade.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.PipelineTestSupport;
import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.StepTiming;
import io.ztrade.agent.AgentScheduler;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** A whole run through the simulator, read back from the agent_runs table the wireTap wrote. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class PerformanceRecordTest extends PipelineTestSupport {

    @Autowired
    AgentScheduler scheduler;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theRecordHoldsEveryFieldOfTheRun() {
        scheduler.runNow("test_crypto", RunTrigger.MANUAL, true);
        RunRecord run = awaitRun("test_crypto", r -> true);
        assertThat(run.status()).as(run.error()).isEqualTo("FILLED");

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM agent_runs WHERE run_id = ?", run.runId());

        assertThat(row).as("every field the issue names is filled in")
                .extractingByKeys("run_id", "agent_id", "symbol", "asset_class", "run_trigger", "scheduled_at", "started_at",
                        "finished_at", "status", "price", "bid", "ask", "sentiment_score", "sentiment_confidence",
                        "technical_signal", "technical_confidence", "decision", "decision_score", "rationale",
                        "risk_verdict", "order_side", "order_notional", "client_order_id", "broker_order_id",
                        "order_status", "fill_qty", "fill_price", "step_timings", "run_json")
                .doesNotContainNull();
        assertThat(row.get("agent_id")).isEqualTo("test_crypto");
        assertThat(row.get("symbol")).isEqualTo("BTC/USD");
        assertThat(row.get("run_trigger")).isEqualTo("MANUAL");
        assertThat(row.get("decision")).isEqualTo("BUY");
        assertThat((String) row.get("rationale")).startsWith("BUY: score +");
        assertThat(row.get("risk_verdict")).isEqualTo("APPROVED");
        assertThat(row.get("order_status")).isEqualTo("filled");
        assertThat(row.get("error")).as("the column exists; a successful run has no error").isNull();
        assertThat(run.stepTimings()).extracting(StepTiming::step)
                .containsAll(List.of("marketHours", "marketData", "analyses", "sentiment", "technical", "decision",
                        "risk", "broker"));
        assertThat(run.stepTimings()).allSatisfy(t -> assertThat(t.durationMs()).isGreaterThanOrEqualTo(0));
        assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
        assertThat((String) row.get("run_json")).contains("\"runId\":\"" + run.runId() + "\"");
    }

    @Test
    void eachRunLogsItsSummaryLine(CapturedOutput output) {
        scheduler.runNow("test_crypto", RunTrigger.MANUAL, true);
        RunRecord run = awaitRun("test_crypto", r -> true);

        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("io\\.ztrade\\.runs\\s+: test_crypto BTC/USD price=\\d+\\.\\d{2} .*decision=BUY.*"
                        + "order=" + run.clientOrderId() + " filled status=FILLED"));
    }
}
