package io.ztrade.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.management.OperationsTestSupport;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.ObjectName;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Run now answers (issue 16): the run's id and Location, which follows the run from QUEUED to its end, or 409 at
 * once when the agent has a run going on, through the API and the agent's MBean alike. (Skipped when the market is closed: AgentTesterRouteTest's context, whose
 * NYSE never opens.)
 */
class RunNowApiTest extends OperationsTestSupport {

    /**
     * test_crypto HALTED while these tests run: its runs go through every step and end BLOCKED_KILL_SWITCH at risk,
     * with no order, so the context's other tests still find its position and its orders of the day below the limits.
     */
    @org.junit.jupiter.api.BeforeEach
    void halted() {
        desk.setMode("test_crypto", "HALTED", "run now test", "test");
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.ztrade.desk.DeskOperations desk;

    @org.springframework.beans.factory.annotation.Autowired
    org.apache.camel.CamelContext camel;

    @AfterEach
    void realMarketData() {
        Mockito.reset(marketData);
        desk.setMode("test_crypto", "ACTIVE", "test over", "test");
    }

    @Test
    void runNowAnswersWithTheRunsIdAndALocationThatFollowsTheRunToItsEnd() {
        ResponseEntity<JsonNode> accepted = operator().postForEntity("/api/agents/test_crypto/runs?force=true", null, JsonNode.class);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String runId = accepted.getBody().get("runId").asText();
        assertThat(runId).matches("[0-9a-f-]{36}");
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/runs/" + runId);
        assertThat(accepted.getBody().get("status").asText()).isEqualTo("QUEUED");
        assertThat(accepted.getBody().get("logs").asText()).isEqualTo("/api/runs/" + runId + "/logs");

        // found under its id at once, whatever it has reached, then with its end
        ResponseEntity<JsonNode> now = viewer().getForEntity("/api/runs/" + runId, JsonNode.class);
        assertThat(now.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(now.getBody().get("status").asText()).isIn("QUEUED", "RUNNING", "BLOCKED_KILL_SWITCH");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() ->
                "BLOCKED_KILL_SWITCH".equals(viewer().getForObject("/api/runs/" + runId, JsonNode.class).get("status").asText()));
        assertThat(store.find(runId)).get().extracting(r -> r.trigger()).isEqualTo("MANUAL");
    }

    @Test
    void aSecondRunNowWhileTheAgentsRunGoesOnIsRefusedAtOnceNamingThatRun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(call -> {
            assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
            return call.callRealMethod();
        }).when(marketData).snapshot(any(), any(), anyInt());
        String first;
        try {
            first = operator().postForEntity("/api/agents/test_crypto/runs?force=true", null, JsonNode.class)
                    .getBody().get("runId").asText();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() ->
                    "RUNNING".equals(viewer().getForObject("/api/runs/" + first, JsonNode.class).get("status").asText()));
            JsonNode running = viewer().getForObject("/api/runs/" + first + "/logs", JsonNode.class);
            assertThat(running.get("running").asBoolean()).isTrue();

            ResponseEntity<JsonNode> second = operator().postForEntity("/api/agents/test_crypto/runs?force=true", null, JsonNode.class);

            assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(second.getBody().get("outcome").asText()).isEqualTo("REFUSED_ALREADY_RUNNING");
            assertThat(second.getBody().get("runId").asText()).isEqualTo(first);
            assertThat(second.getBody().get("message").asText())
                    .startsWith("agent test_crypto already has run " + first + " going on");
            assertThat(second.getHeaders().getLocation()).isNull();

            // the MBean's runNow (Hawtio, jconsole) gets the same answer, as its operation's error
            ObjectName mbean = new ObjectName("io.ztrade:context=" + camel.getName() + ",type=agents,name=test_crypto");
            assertThatThrownBy(() -> ManagementFactory.getPlatformMBeanServer().invoke(mbean, "runNowForced", null, null))
                    .rootCause().isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("REFUSED_ALREADY_RUNNING: agent test_crypto already has run " + first + " going on");
        } finally {
            release.countDown();
        }
        assertThat(awaitRun("test_crypto", r -> r.runId().equals(first)).status()).isEqualTo("BLOCKED_KILL_SWITCH");
        assertThat(runsSinceTestStart("test_crypto")).hasSize(1);
    }
}
