package io.ztrade.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import io.ztrade.desk.AuditLog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * LDAP login against a real directory: an UnboundID in-memory LDAP server started here with the users and
 * groupOfNames groups of ldap/ztrade-directory.ldif. Groups map to roles by configuration (analysts: viewer,
 * traders: operator, desk-admins: admin, names ignoring case); a user in no mapped group may not log in; the local
 * users keep working; what each role may do is the same as for a local user of that role.
 */
class LdapLoginTest extends OperationsTestSupport {

    static InMemoryDirectoryServer directory;

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @DynamicPropertySource
    static void ldap(DynamicPropertyRegistry registry) throws Exception {
        if (directory == null) {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=ztrade,dc=test");
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
            directory = new InMemoryDirectoryServer(config);
            directory.importFromLDIF(true, Path.of("src/test/resources/ldap/ztrade-directory.ldif").toFile());
            directory.startListening();
        }
        registry.add("ztrade.security.ldap.url", () -> "ldap://127.0.0.1:" + directory.getListenPort() + "/dc=ztrade,dc=test");
        registry.add("ztrade.security.ldap.viewer-groups", () -> "analysts");
        registry.add("ztrade.security.ldap.operator-groups", () -> "traders");
        registry.add("ztrade.security.ldap.admin-groups", () -> "desk-admins");
    }

    @AfterAll
    static void stopDirectory() {
        if (directory != null) {
            directory.shutDown(true);
            directory = null;
        }
    }

    @Test
    void eachUserGetsTheHighestRoleOfItsGroups() {
        assertThat(me("vera", "vera-ldap-password")).isEqualTo("vera [\"VIEWER\"]");
        assertThat(me("oscar", "oscar-ldap-password")).isEqualTo("oscar [\"OPERATOR\"]");
        assertThat(me("alice", "alice-ldap-password")).as("in traders and desk-admins").isEqualTo("alice [\"ADMIN\"]");
    }

    @Test
    void anLdapViewerReadsButMayNotRunPauseFlipTheKillSwitchOrWriteThroughJolokia() {
        TestRestTemplate vera = anonymous.withBasicAuth("vera", "vera-ldap-password");
        assertThat(vera.getForEntity("/api/agents", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String path : List.of("/api/agents/test_stock/pause", "/api/agents/test_stock/runs", "/api/kill-switch/on")) {
            assertThat(vera.postForEntity(path, null, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
        String killSwitchOn = "{\"type\":\"exec\",\"mbean\":\"io.ztrade:context=*,type=desk\",\"operation\":\"killSwitch\",\"arguments\":[\"on\"]}";
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertThat(vera.postForEntity("/actuator/jolokia", new HttpEntity<>(killSwitchOn, json), String.class).getBody())
                .contains("\"status\":403").doesNotContain("\"status\":200");
        assertThat(admin().getForObject("/api/kill-switch", JsonNode.class).get("engaged").asBoolean()).isFalse();
    }

    @Test
    void anLdapOperatorPausesButMayNotFlipTheKillSwitchAndTheAuditLogNamesThem() {
        TestRestTemplate oscar = anonymous.withBasicAuth("oscar", "oscar-ldap-password");
        assertThat(oscar.postForEntity("/api/agents/test_stock/pause", null, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(oscar.postForEntity("/api/agents/test_stock/resume", null, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(oscar.postForEntity("/api/kill-switch/on", null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(audit.latest(10)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("PAUSE");
            assertThat(entry.username()).isEqualTo("oscar");
        });
    }

    @Test
    void anLdapAdminFlipsTheKillSwitch() {
        TestRestTemplate alice = anonymous.withBasicAuth("alice", "alice-ldap-password");
        assertThat(alice.postForEntity("/api/kill-switch/on", null, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(alice.postForEntity("/api/kill-switch/off", null, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(audit.latest(10)).anySatisfy(entry -> assertThat(entry.username()).isEqualTo("alice"));
    }

    @Test
    void aUserInNoMappedGroupOrWithAWrongPasswordMayNotLogIn() {
        assertThat(anonymous.withBasicAuth("nora", "nora-ldap-password").getForEntity("/api/agents", String.class)
                .getStatusCode()).as("in marketing only").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.withBasicAuth("vera", "wrong").getForEntity("/api/agents", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.withBasicAuth("vera", "").getForEntity("/api/agents", String.class).getStatusCode())
                .as("no anonymous bind with an empty password").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(audit.latest(50)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("LOGIN_FAILED");
            assertThat(entry.username()).isEqualTo("nora");
        });
    }

    @Test
    void localUsersStay() {
        assertThat(admin().getForEntity("/api/agents", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(viewer().getForEntity("/api/agents", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anLdapUserLogsInThroughTheLoginForm() throws Exception {
        MockHttpServletResponse login = mvc.perform(post("/login").param("username", "oscar")
                .param("password", "oscar-ldap-password").with(csrf())).andReturn().getResponse();
        assertThat(login.getRedirectedUrl()).isEqualTo("/console");
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString())
                .contains("Directory (LDAP) accounts log in with this form too.");
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", "oscar")
                .param("password", "oscar-ldap-password").with(csrf())).andReturn().getRequest().getSession();
        assertThat(mvc.perform(get("/api/me").session(session)).andReturn().getResponse().getContentAsString())
                .contains("\"name\":\"oscar\"", "OPERATOR");
        assertThat(mvc.perform(post("/login").param("username", "nora").param("password", "nora-ldap-password")
                .with(csrf())).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    }

    private String me(String user, String password) {
        JsonNode me = anonymous.withBasicAuth(user, password).getForObject("/api/me", JsonNode.class);
        return me.get("name").asText() + " " + me.get("roles");
    }
}
