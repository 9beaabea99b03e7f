package io.ztrade.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.desk.AuditLog;
import io.ztrade.records.RunRecord;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The desk's and the agents' modes over the API and JMX: who may change what, what runs do, what is audited. */
class DeskModeApiTest extends OperationsTestSupport {

    @Autowired
    private org.apache.camel.CamelContext camel;
    @Autowired
    private AuditLog audit;

    @Autowired
    private io.ztrade.risk.TradingHolds holds;

    @Autowired
    private io.ztrade.alert.Alerts alerts;

    @Autowired
    private io.ztrade.desk.DeskStateStore deskStore;

    @AfterEach
    void allActive() {
        for (String scope : List.of("desk", "test_crypto", "test_stock")) {
            put(admin(), scope, Map.of("mode", "ACTIVE", "reason", "test over"));
        }
        Mockito.clearInvocations(broker);
    }

    private static String path(String scope) {
        return scope.equals("desk") ? "/api/desk/mode" : "/api/agents/" + scope + "/mode";
    }

    private static ResponseEntity<JsonNode> put(TestRestTemplate as, String scope, Map<String, String> body) {
        return as.exchange(path(scope), HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }

    @Test
    void anOperatorHaltsAnAgentItsRunsAreBlockedNamingWhoAndWhyAndOnlyAnAdminLiftsIt() {
        ResponseEntity<JsonNode> halted = put(operator(), "test_crypto", Map.of("mode", "HALTED", "reason", "odd fills"));
        assertThat(halted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(halted.getBody().get("mode").asText()).isEqualTo("HALTED");
        assertThat(halted.getBody().get("setBy").asText()).isEqualTo("operator");

        operator().postForEntity("/api/agents/test_crypto/runs?force=true", null, JsonNode.class);
        RunRecord run = awaitRun("test_crypto", r -> true);
        assertThat(run.decision()).as("the test news makes every run a BUY").isEqualTo("BUY");
        assertThat(run.status()).isEqualTo("BLOCKED_KILL_SWITCH");
        assertThat(run.note()).contains("agent test_crypto HALTED by operator (api)").contains("odd fills");
        verify(broker, never()).submit(any());

        JsonNode desk = admin().getForObject("/api/desk", JsonNode.class);
        assertThat(desk.get("desk").get("mode").asText()).isEqualTo("ACTIVE");
        JsonNode agent = agentIn(desk, "test_crypto");
        assertThat(agent.get("mode").asText()).isEqualTo("HALTED");
        assertThat(agent.get("effectiveMode").asText()).isEqualTo("HALTED");
        assertThat(agent.get("reason").asText()).isEqualTo("odd fills");
        assertThat(agentIn(desk, "test_stock").get("mode").asText()).isEqualTo("ACTIVE");

        // loosening is an admin's: an operator may not go back to REDUCE_ONLY or ACTIVE
        assertThat(put(operator(), "test_crypto", Map.of("mode", "ACTIVE", "reason", "looks fine")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put(operator(), "test_crypto", Map.of("mode", "REDUCE_ONLY", "reason", "looks fine")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put(viewer(), "test_crypto", Map.of("mode", "HALTED", "reason", "x")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(agentIn(admin().getForObject("/api/desk", JsonNode.class), "test_crypto").get("mode").asText())
                .isEqualTo("HALTED");
        assertThat(put(admin(), "test_crypto", Map.of("mode", "ACTIVE", "reason", "fills checked")).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        List<AuditLog.Entry> rows = audit.latest(20).stream().filter(e -> e.action().equals("AGENT_MODE")).toList();
        assertThat(rows.get(0)).satisfies(e -> {
            assertThat(e.username()).isEqualTo("admin");
            assertThat(e.target()).isEqualTo("test_crypto");
            assertThat(e.detail()).isEqualTo("ACTIVE (was HALTED): fills checked");
        });
        assertThat(rows.get(1)).satisfies(e -> {
            assertThat(e.username()).isEqualTo("operator");
            assertThat(e.detail()).isEqualTo("HALTED (was ACTIVE): odd fills");
        });
    }

    @Test
    void theDeskIsReduceOnlyForEveryAgentAndAnAgentsOwnStricterModeWins() {
        assertThat(put(operator(), "desk", Map.of("mode", "reduce_only", "reason", "end of quarter")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        put(operator(), "test_stock", Map.of("mode", "HALTED", "reason", "earnings"));

        // no position in the test account: the BUY would open one
        operator().postForEntity("/api/agents/test_crypto/runs?force=true", null, JsonNode.class);
        RunRecord run = awaitRun("test_crypto", r -> true);
        assertThat(run.status()).isEqualTo("REJECTED_BY_RISK");
        assertThat(run.note()).startsWith("reduce-only: a BUY").contains("desk REDUCE_ONLY by operator")
                .contains("end of quarter");
        verify(broker, never()).submit(any());

        JsonNode desk = admin().getForObject("/api/desk", JsonNode.class);
        assertThat(desk.get("desk").get("mode").asText()).isEqualTo("REDUCE_ONLY");
        assertThat(agentIn(desk, "test_crypto").get("effectiveMode").asText()).isEqualTo("REDUCE_ONLY");
        assertThat(agentIn(desk, "test_stock").get("effectiveMode").asText()).isEqualTo("HALTED");
        assertThat(admin().getForObject("/actuator/health/desk", JsonNode.class).get("status").asText())
                .as("a reduce-only or halted desk is a decision, not a fault").isEqualTo("UP");
        assertThat(put(operator(), "desk", Map.of("mode", "ACTIVE", "reason", "done")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(audit.latest(5)).extracting(AuditLog.Entry::action).contains("DESK_MODE");
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        ResponseEntity<JsonNode> badMode = put(operator(), "desk", Map.of("mode", "PAUSED", "reason", "x"));
        assertThat(badMode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badMode.getBody().get("message").asText())
                .isEqualTo("mode must be one of [ACTIVE, REDUCE_ONLY, HALTED], got 'PAUSED'");

        ResponseEntity<JsonNode> noReason = put(operator(), "test_crypto", Map.of("mode", "HALTED"));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().get("message").asText()).startsWith("a reason is required to set agent test_crypto HALTED");

        ResponseEntity<JsonNode> noBody = operator().exchange("/api/desk/mode", HttpMethod.PUT,
                new HttpEntity<>(Map.of()), JsonNode.class);
        assertThat(noBody.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noBody.getBody().get("message").asText()).contains("\"mode\"");

        ResponseEntity<JsonNode> unknown = put(operator(), "no_such_agent", Map.of("mode", "HALTED", "reason", "x"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("message").asText()).contains("no_such_agent");
        assertThat(admin().getForObject("/api/desk", JsonNode.class).get("desk").get("mode").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void theKillSwitchIsTheDeskHaltedAndJmxSetsModesToo() throws Exception {
        assertThat(admin().postForEntity("/api/kill-switch/on", null, JsonNode.class).getBody().get("engaged").asBoolean())
                .isTrue();
        JsonNode desk = admin().getForObject("/api/desk", JsonNode.class).get("desk");
        assertThat(desk.get("mode").asText()).isEqualTo("HALTED");
        assertThat(desk.get("source").asText()).isEqualTo("kill-switch");
        assertThat(desk.get("setBy").asText()).isEqualTo("admin");
        admin().postForEntity("/api/kill-switch/off", null, JsonNode.class);
        assertThat(admin().getForObject("/api/desk", JsonNode.class).get("desk").get("mode").asText()).isEqualTo("ACTIVE");

        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        // this context's MBean: other test classes' cached contexts register theirs in the same MBean server
        ObjectName agent = new ObjectName("io.ztrade:context=" + camel.getName() + ",type=agents,name=test_stock");
        jmx.invoke(agent, "setMode", new Object[] {"REDUCE_ONLY", "from jconsole"},
                new String[] {String.class.getName(), String.class.getName()});
        assertThat(jmx.getAttribute(agent, "Mode")).isEqualTo("REDUCE_ONLY");
        assertThat((String) jmx.getAttribute(agent, "ModeReason")).contains("by jmx (jmx)").contains("from jconsole");
        assertThat(agentIn(admin().getForObject("/api/desk", JsonNode.class), "test_stock").get("mode").asText())
                .isEqualTo("REDUCE_ONLY");
    }

    @Test
    void overJolokiaAnOperatorTightensButCannotLoosen() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        String desk = "io.ztrade:context=" + camel.getName() + ",type=desk";
        String halt = "{\"type\":\"exec\",\"mbean\":\"" + desk + "\",\"operation\":\"setMode\",\"arguments\":[\"HALTED\",\"jolokia halt\"]}";
        String lift = "{\"type\":\"exec\",\"mbean\":\"" + desk + "\",\"operation\":\"setMode\",\"arguments\":[\"ACTIVE\",\"jolokia lift\"]}";

        JsonNode halted = operator().postForObject("/actuator/jolokia", jsonBody(halt), JsonNode.class);
        assertThat(halted.get("status").asInt()).as(halted.toString()).isEqualTo(200);
        assertThat(jmx.getAttribute(new ObjectName(desk), "Mode")).isEqualTo("HALTED");

        JsonNode refused = operator().postForObject("/actuator/jolokia", jsonBody(lift), JsonNode.class);
        assertThat(refused.toString()).contains("only an admin may loosen the desk from HALTED to ACTIVE");
        assertThat(jmx.getAttribute(new ObjectName(desk), "Mode")).isEqualTo("HALTED");

        JsonNode lifted = admin().postForObject("/actuator/jolokia", jsonBody(lift), JsonNode.class);
        assertThat(lifted.get("status").asInt()).as(lifted.toString()).isEqualTo(200);
        assertThat(jmx.getAttribute(new ObjectName(desk), "Mode")).isEqualTo("ACTIVE");
    }

    @Test
    void aHoldTightensNeverLoosensAndIsAuditedAndAlerted() {
        double alerted = alerts.count("agent-hold-test_crypto", "sent") + alerts.count("agent-hold-test_crypto", "held_back");
        holds.hold("test_crypto", io.ztrade.risk.TradingMode.REDUCE_ONLY, "position mismatch: broker 2, records 1", "reconciliation");
        holds.hold("test_crypto", io.ztrade.risk.TradingMode.HALTED, "daily loss limit", "protection:daily-loss");
        holds.hold("test_crypto", io.ztrade.risk.TradingMode.REDUCE_ONLY, "again", "reconciliation");

        JsonNode agent = agentIn(admin().getForObject("/api/desk", JsonNode.class), "test_crypto");
        assertThat(agent.get("mode").asText()).isEqualTo("HALTED");
        // both holders are named: reconciliation's release alone does not lift the protection's hold
        assertThat(agent.get("source").asText()).isEqualTo("protection:daily-loss+reconciliation");
        assertThat(agent.get("setBy").asText()).isEqualTo("system");
        assertThat(audit.latest(10).stream().filter(e -> e.action().equals("HOLD")).limit(2).toList())
                .extracting(AuditLog.Entry::username, AuditLog.Entry::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("protection:daily-loss", "HALTED: daily loss limit"),
                        org.assertj.core.groups.Tuple.tuple("reconciliation", "REDUCE_ONLY: position mismatch: broker 2, records 1"));
        assertThat(alerts.count("agent-hold-test_crypto", "sent") + alerts.count("agent-hold-test_crypto", "held_back"))
                .as("one alert per hold that changed the mode").isEqualTo(alerted + 2);
        // an operator's write that raced this hold does not loosen it either: checked in the UPDATE itself
        assertThat(deskStore.setUnlessStricter(new io.ztrade.risk.ModeSetting("test_crypto",
                io.ztrade.risk.TradingMode.REDUCE_ONLY, "raced", "api", "operator", java.time.Instant.now()))).isFalse();
        assertThat(agentIn(admin().getForObject("/api/desk", JsonNode.class), "test_crypto").get("mode").asText())
                .isEqualTo("HALTED");
        // acknowledging is an operator's only when it tightens: an admin lifts it
        assertThat(put(operator(), "test_crypto", Map.of("mode", "ACTIVE", "reason", "ack")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static HttpEntity<String> jsonBody(String body) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static JsonNode agentIn(JsonNode desk, String id) {
        for (JsonNode agent : desk.get("agents")) {
            if (agent.get("id").asText().equals(id)) {
                return agent;
            }
        }
        throw new AssertionError("no agent " + id + " in " + desk);
    }
}
