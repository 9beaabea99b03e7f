package io.ztrade.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.records.RunRecord;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class KillSwitchTest extends OperationsTestSupport {

    @AfterEach
    void killSwitchOff() {
        admin().postForEntity("/api/kill-switch/off", null, JsonNode.class);
        Mockito.clearInvocations(broker);
    }

    @Test
    void withTheKillSwitchOnRunsAreBlockedAndTheBrokerReceivesNothing() {
        ResponseEntity<JsonNode> on = admin().postForEntity("/api/kill-switch/on", null, JsonNode.class);
        assertThat(on.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(on.getBody().get("engaged").asBoolean()).isTrue();
        Mockito.clearInvocations(broker);

        // one after the other: a run now while the agent's run goes on is refused (409)
        operator().postForEntity("/api/agents/test_crypto/runs?force=true", null, JsonNode.class);
        awaitRuns("test_crypto", 1);
        operator().postForEntity("/api/agents/test_crypto/runs?force=true", null, JsonNode.class);

        List<RunRecord> runs = awaitRuns("test_crypto", 2);
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.decision()).as("the test news makes every run a BUY").isEqualTo("BUY");
            assertThat(run.status()).isEqualTo("BLOCKED_KILL_SWITCH");
            assertThat(run.clientOrderId()).isNull();
        });
        verify(broker, never()).submit(any());
        JsonNode audit = admin().getForObject("/api/audit?limit=20", JsonNode.class);
        assertThat(audit.findValuesAsText("action")).contains("KILL_SWITCH_ON");
    }

    @Test
    void withTheKillSwitchOffTheSameRunPlacesItsOrder() {
        operator().postForEntity("/api/agents/test_crypto/runs?force=true", null, JsonNode.class);

        RunRecord run = awaitRun("test_crypto", r -> true);
        assertThat(run.status()).isEqualTo("FILLED");
        verify(broker).submit(any());
    }
}
