package io.ztrade.management;

import io.ztrade.desk.AuditLog;
import io.ztrade.desk.DeskOperations;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.alert.Alerts;
import io.ztrade.alert.CircuitBreakerStateChanged;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class OperationsJmxAndMetricsTest extends OperationsTestSupport {

    @Autowired
    CamelContext camel;

    @Autowired
    AuditLog audit;

    @Autowired
    DeskOperations desk;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Alerts alerts;

    final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

    @AfterEach
    void restore() {
        desk.resume("test_crypto");
        desk.killSwitch(false);
    }

    @Test
    void eachAgentHasAnMBeanThatShowsItsStateAndRunsPausesAndResumesIt() throws Exception {
        ObjectName agent = new ObjectName("io.ztrade:context=" + camel.getName() + ",type=agents,name=test_crypto");
        assertThat(jmx.getAttribute(agent, "Symbol")).isEqualTo("BTC/USD");
        assertThat(jmx.getAttribute(agent, "Cron")).isEqualTo("0 0 0 1 1 ? 2099");
        assertThat(jmx.getAttribute(agent, "NextFireTime")).isEqualTo("2099-01-01T05:00:00Z");

        jmx.invoke(agent, "runNowForced", null, null);
        awaitRun("test_crypto", r -> "FILLED".equals(r.status()));
        await().atMost(Duration.ofSeconds(10)).until(() -> "FILLED".equals(jmx.getAttribute(agent, "LastStatus")));
        assertThat((String) jmx.getAttribute(agent, "LastDecision")).startsWith("BUY");
        assertThat((Integer) jmx.getAttribute(agent, "OrdersToday")).isPositive();

        jmx.invoke(agent, "pause", null, null);
        assertThat(jmx.getAttribute(agent, "Paused")).isEqualTo(true);
        jmx.invoke(agent, "resume", null, null);
        assertThat(jmx.getAttribute(agent, "Paused")).isEqualTo(false);

        assertThat(audit.latest(3)).extracting(AuditLog.Entry::action).containsExactly("RESUME", "PAUSE", "RUN_NOW");
        assertThat(audit.latest(1).get(0).username()).isEqualTo("jmx");
    }

    @Test
    void theDeskMBeanFlipsTheKillSwitchAndAdminsCanDoItThroughJolokia() throws Exception {
        ObjectName desk = new ObjectName("io.ztrade:context=" + camel.getName() + ",type=desk");
        jmx.invoke(desk, "killSwitch", new Object[] {"on"}, new String[] {String.class.getName()});
        assertThat(jmx.getAttribute(desk, "KillSwitchEngaged")).isEqualTo(true);

        String off = "{\"type\":\"exec\",\"mbean\":\"" + desk + "\",\"operation\":\"killSwitch\",\"arguments\":[\"off\"]}";
        ResponseEntity<String> viaJolokia = admin().postForEntity("/actuator/jolokia", jsonBody(off), String.class);
        assertThat(viaJolokia.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new ObjectMapper().readTree(viaJolokia.getBody()).get("status").asInt()).as(viaJolokia.getBody())
                .isEqualTo(200);
        assertThat(jmx.getAttribute(desk, "KillSwitchEngaged")).isEqualTo(false);
        List<AuditLog.Entry> last = audit.latest(2);
        assertThat(last).extracting(AuditLog.Entry::action).containsExactly("KILL_SWITCH_OFF", "JOLOKIA");
        assertThat(last).extracting(AuditLog.Entry::username).containsOnly("admin");
        // Jolokia's row names the operation; the desk's own row (KILL_SWITCH_OFF) says what was chosen
        assertThat(last.get(1).detail()).contains("killSwitch");
    }

    @Test
    void prometheusShowsRunsDecisionsOrdersAndStepLatencies() {
        operator().postForEntity("/api/agents/test_crypto/runs?force=true", null, JsonNode.class);
        awaitRun("test_crypto", r -> "FILLED".equals(r.status()));

        String metrics = viewer().getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).contains("ztrade_decisions_total{action=\"BUY\",agent=\"test_crypto\"}",
                "ztrade_orders_total{agent=\"test_crypto\",status=\"filled\"}",
                "ztrade_step_seconds_bucket{step=\"marketData\"", "ztrade_kill_switch 0.0");
    }

    @Test
    void aBreakerThatOpensIsAlertedOnceAndItsStateIsAGauge() {
        // a breaker name of its own: the providers' real breakers may open in other tests of this context
        events.publishEvent(new CircuitBreakerStateChanged("test-breaker", CircuitBreakerStateChanged.State.OPEN, "5 of 10 calls failed"));
        events.publishEvent(new CircuitBreakerStateChanged("test-breaker", CircuitBreakerStateChanged.State.HALF_OPEN, null));
        events.publishEvent(new CircuitBreakerStateChanged("test-breaker", CircuitBreakerStateChanged.State.OPEN, "still failing"));

        assertThat(alerts.count("breaker-open-test-breaker", "sent")).isEqualTo(1);
        assertThat(alerts.count("breaker-open-test-breaker", "held_back")).isEqualTo(1);
        WEBHOOK.verify(1, postRequestedFor(urlEqualTo("/hooks/desk")).withRequestBody(containing("circuit breaker test-breaker OPEN")));
        assertThat(viewer().getForObject("/actuator/prometheus", String.class))
                .contains("ztrade_breaker_state{breaker=\"test-breaker\"} 1.0");
    }

    @Test
    void theOpenApiDocumentDescribesTheManagementApi() {
        JsonNode api = viewer().getForObject("/v3/api-docs", JsonNode.class);
        assertThat(api.get("paths").has("/api/agents/{id}/pause")).isTrue();
        assertThat(api.get("paths").has("/api/kill-switch/{state}")).isTrue();
        assertThat(api.get("paths").has("/api/runs/{runId}")).isTrue();
        assertThat(viewer().getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static org.springframework.http.HttpEntity<String> jsonBody(String body) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new org.springframework.http.HttpEntity<>(body, headers);
    }
}
