package io.ztrade.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.PipelineTestSupport;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagementApiTest extends PipelineTestSupport {

    TestRestTemplate http;

    @Autowired
    void authenticate(TestRestTemplate anonymous) {
        // an admin may do all the calls below; roles have their own tests (SecurityTest)
        http = anonymous.withBasicAuth("admin", "test-admin-password");
    }

    @Test
    void listsTheAgentsWithTheirSchedules() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/agents", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode crypto = null;
        for (JsonNode agent : response.getBody()) {
            if (agent.get("id").asText().equals("test_crypto")) {
                crypto = agent;
            }
        }
        assertThat(crypto).isNotNull();
        assertThat(crypto.get("symbol").asText()).isEqualTo("BTC/USD");
        assertThat(crypto.get("schedule").asText()).isEqualTo("0 0 0 1 1 ? 2099");
        assertThat(crypto.get("nextFireTime").asText()).isEqualTo("2099-01-01T05:00:00Z");
        assertThat(crypto.get("paused").asBoolean()).isFalse();
    }

    @Test
    void runNowStartsARunThatTheRunsApiReturns() {
        ResponseEntity<JsonNode> accepted = http.postForEntity("/api/agents/test_crypto/runs?force=true", null, JsonNode.class);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitRun("test_crypto", r -> "MANUAL".equals(r.trigger()));
        JsonNode runs = http.getForObject("/api/runs?agent=test_crypto&limit=5", JsonNode.class);
        assertThat(runs.isArray()).isTrue();
        assertThat(runs.get(0).get("agentId").asText()).isEqualTo("test_crypto");
        assertThat(runs.get(0).get("trigger").asText()).isEqualTo("MANUAL");
        String runId = runs.get(0).get("runId").asText();
        assertThat(http.getForObject("/api/runs/" + runId, JsonNode.class).get("runId").asText()).isEqualTo(runId);
    }

    @Test
    void marketHoursStillApplyToAManualRunUnlessForced() {
        // test_stock is a stock agent, checked at its request time: closed now, the answer says so and nothing runs
        ResponseEntity<JsonNode> answer = http.postForEntity("/api/agents/test_stock/runs", null, JsonNode.class);

        if (answer.getStatusCode() == HttpStatus.CONFLICT) {
            assertThat(answer.getBody().get("outcome").asText()).isEqualTo("SKIPPED_MARKET_CLOSED");
            assertThat(new io.ztrade.market.NyseCalendar().statusAt(io.ztrade.market.AssetClass.US_EQUITY,
                    java.time.Instant.now().minusSeconds(5)).open()).isFalse();
            return;
        }
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        var run = awaitRun("test_stock", r -> r.runId().equals(answer.getBody().get("runId").asText()));
        boolean open = new io.ztrade.market.NyseCalendar()
                .statusAt(io.ztrade.market.AssetClass.US_EQUITY, run.scheduledAt()).open();
        assertThat(run.status().equals("SKIPPED_MARKET_CLOSED")).isEqualTo(!open);
    }

    @Test
    void unknownAgentsAndBadLimitsGetClearErrors() {
        ResponseEntity<JsonNode> runs = http.getForEntity("/api/runs?agent=agent_nope", JsonNode.class);
        assertThat(runs.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(runs.getBody().get("message").asText()).startsWith("unknown agent 'agent_nope'; agents defined in routes/:")
                .contains("test_crypto");

        ResponseEntity<JsonNode> run = http.postForEntity("/api/agents/agent_nope/runs", null, JsonNode.class);
        assertThat(run.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> limit = http.getForEntity("/api/runs?limit=0", JsonNode.class);
        assertThat(limit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(limit.getBody().get("message").asText()).isEqualTo("limit must be between 1 and 1000, got 0");

        ResponseEntity<JsonNode> notANumber = http.getForEntity("/api/runs?limit=ten", JsonNode.class);
        assertThat(notANumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<JsonNode> noRun = http.getForEntity("/api/runs/nope", JsonNode.class);
        assertThat(noRun.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
