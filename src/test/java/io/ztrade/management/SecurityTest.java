package io.ztrade.management;

import io.ztrade.agent.AgentScheduler;
import io.ztrade.desk.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.agent.AgentCatalog;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;

class SecurityTest extends OperationsTestSupport {

    /** Every page and endpoint but health; /simulator/** is open to this machine only (the app's own client). */
    static final List<String> PROTECTED = List.of("/api/agents", "/api/agents/test_crypto", "/api/runs", "/api/runs/x",
            "/api/audit", "/api/kill-switch", "/console", "/console/index.html", "/actuator", "/actuator/info",
            "/actuator/prometheus", "/actuator/jolokia", "/actuator/jolokia/read/java.lang:type=Memory",
            "/actuator/hawtio/", "/v3/api-docs", "/swagger-ui/index.html", "/nope");

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @Autowired
    AgentScheduler scheduler;

    @Autowired
    AgentCatalog catalog;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void resumeAgents() {
        scheduler.resume("test_stock");
    }

    @Test
    void anonymousCallsGet401AndBrowsersGoToTheLoginPageButHealthIsOpen() {
        for (String path : PROTECTED) {
            assertThat(anonymous.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            HttpHeaders html = new HttpHeaders();
            html.setAccept(List.of(MediaType.TEXT_HTML));
            ResponseEntity<String> page = anonymous.exchange(path, HttpMethod.GET, new HttpEntity<>(html), String.class);
            // the client follows the redirect to the login form
            assertThat(page.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(page.getBody()).as(path).contains("name=\"username\"", "name=\"password\"");
        }
        for (String path : List.of("/api/agents/test_crypto/runs", "/api/agents/test_crypto/pause", "/api/kill-switch/on")) {
            assertThat(anonymous.postForEntity(path, null, String.class).getStatusCode()).as(path)
                    .isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
        }
        assertThat(anonymous.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aViewerReadsButCannotRunPauseOrFlipTheKillSwitch() {
        assertThat(viewer().getForEntity("/api/agents", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(viewer().getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(viewer().getForEntity("/actuator/jolokia/read/java.lang:type=Memory/HeapMemoryUsage", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        for (String path : List.of("/api/agents/test_stock/pause", "/api/agents/test_stock/runs", "/api/kill-switch/on")) {
            assertThat(viewer().postForEntity(path, null, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(operator().postForEntity("/api/kill-switch/on", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // Jolokia: reads yes, operations no
        String killSwitchOn = "{\"type\":\"exec\",\"mbean\":\"io.ztrade:context=*,type=desk\",\"operation\":\"killSwitch\",\"arguments\":[\"on\"]}";
        // Jolokia answers HTTP 200 with the refusal (status 403) in its JSON, as it does for each element of a bulk
        assertThat(viewer().postForEntity("/actuator/jolokia", json(killSwitchOn), String.class).getBody())
                .contains("\"status\":403").doesNotContain("\"status\":200");
        assertThat(admin().getForObject("/api/kill-switch", JsonNode.class).get("engaged").asBoolean()).isFalse();
    }

    @Test
    void anOperatorPausesAndResumesAnAgentAndTheAuditLogSaysWhoFromWhere() {
        ResponseEntity<JsonNode> paused = operator().postForEntity("/api/agents/test_stock/pause", null, JsonNode.class);
        assertThat(paused.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(paused.getBody().get("paused").asBoolean()).isTrue();
        assertThat(scheduler.schedule(catalog.get("test_stock")).paused()).isTrue();

        ResponseEntity<JsonNode> resumed = operator().postForEntity("/api/agents/test_stock/resume", null, JsonNode.class);
        assertThat(resumed.getBody().get("paused").asBoolean()).isFalse();

        List<AuditLog.Entry> entries = audit.latest(10);
        assertThat(entries).extracting(AuditLog.Entry::action).containsSubsequence("RESUME", "PAUSE");
        AuditLog.Entry pause = entries.stream().filter(e -> e.action().equals("PAUSE")).findFirst().orElseThrow();
        assertThat(pause.username()).isEqualTo("operator");
        assertThat(pause.target()).isEqualTo("test_stock");
        assertThat(pause.source()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(viewer().getForObject("/api/audit?limit=5", JsonNode.class).get(0).get("username").asText())
                .isEqualTo("operator");
    }

    @Test
    void aBrowserSessionMustSendTheCsrfToken() throws Exception {
        mvc.perform(post("/api/agents/test_stock/pause").with(user("operator").roles("OPERATOR")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/agents/test_stock/pause").with(user("operator").roles("OPERATOR")).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/agents/test_stock/resume").with(user("operator").roles("OPERATOR")).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theConfiguredSecretNeverAppearsInAnyResponse() {
        TestRestTemplate admin = admin();
        List<String> reads = List.of("/actuator/env", "/actuator/configprops", "/actuator/env/ztrade.alpaca.secret-key",
                "/actuator/jolokia/read/java.lang:type=Runtime", "/actuator/jolokia/read/java.lang:type=Runtime/SystemProperties",
                "/actuator/jolokia/read/io.ztrade:*", "/actuator/jolokia/read/org.apache.camel:type=context,*",
                "/actuator/jolokia/read/org.apache.camel:type=endpoints,*", "/actuator/jolokia/list",
                "/actuator/jolokia/read/org.springframework.boot:*", "/api/runs?limit=oops", "/nope", "/error",
                "/api/agents", "/v3/api-docs", "/actuator/prometheus", "/actuator/info", "/actuator/health");
        for (String path : reads) {
            ResponseEntity<String> response = admin.getForEntity(path, String.class);
            assertThat(response.getBody() == null ? "" : response.getBody()).as(path).doesNotContain(SECRET);
        }
        String runtime = admin.getForObject("/actuator/jolokia/read/java.lang:type=Runtime/SystemProperties", String.class);
        assertThat(runtime).as("system properties are denied even to admins").doesNotContain("java.version");
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    /**
     * The hash in the configuration is the one every login is checked against. Spring Security's default would
     * re-hash a configured cost-4 bcrypt at cost 10 on its first login (in memory only, gone at the next start),
     * so a desk's choice of hash held for one login and each Basic request then cost a cost-10 check.
     */
    @Test
    void aLoginKeepsTheConfiguredHash() {
        String configured = users.loadUserByUsername("viewer").getPassword();
        assertThat(configured).startsWith("{bcrypt}$2a$04$");
        assertThat(viewer().getForEntity("/api/agents", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(users.loadUserByUsername("viewer").getPassword()).isEqualTo(configured);
    }
}
