package io.ztrade.management.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentScheduler;
import io.ztrade.agent.AgentSettings;
import io.ztrade.desk.AuditLog;
import io.ztrade.management.OperationsTestSupport;
import io.ztrade.management.security.JolokiaProbe.Form;
import io.ztrade.management.security.JolokiaProbe.Outcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11, Jolokia and Hawtio: every attack in every request form Jolokia accepts, for every role. A request
 * "gets through" when Jolokia answers it with status 200; side effects are checked as well.
 */
@ExtendWith(OutputCaptureExtension.class)
class JolokiaPolicyTest extends OperationsTestSupport {

    static final List<String> ROLES = List.of(JolokiaProbe.ANONYMOUS, "viewer", "operator", "admin");

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @Autowired
    AgentScheduler scheduler;

    @Autowired
    AuditLog audit;

    @Autowired
    AgentCatalog catalog;

    JolokiaProbe probe;
    String desk;
    String agent;
    String context;
    String route;

    @BeforeEach
    void probe() {
        probe = new JolokiaProbe("http://127.0.0.1:" + port, Map.of("admin", ADMIN_PASSWORD, "operator", OPERATOR_PASSWORD,
                "viewer", VIEWER_PASSWORD));
        desk = "io.ztrade:context=" + camel.getName() + ",type=desk";
        agent = "io.ztrade:context=" + camel.getName() + ",type=agents,name=test_stock";
        context = "org.apache.camel:context=" + camel.getManagementName() + ",type=context,name=\"" + camel.getName() + "\"";
        route = "org.apache.camel:context=" + camel.getManagementName() + ",type=routes,name=\"submit-order\"";
    }

    @AfterEach
    void restore() throws Exception {
        scheduler.resume("test_stock");
        if (camel.getRouteController().getRouteStatus("submit-order") != ServiceStatus.Started) {
            camel.getRouteController().startRoute("submit-order");
        }
        admin().postForEntity("/api/kill-switch/off", null, String.class);
    }

    @Test
    void noOneRunsDangerousOperationsInAnyForm() throws IOException {
        Path written = Path.of("target", "jolokia-probe-" + UUID.randomUUID());
        Path heap = Path.of("target", "jolokia-probe-" + UUID.randomUUID() + ".hprof");
        List<Outcome> through = new ArrayList<>();
        for (String user : ROLES) {
            for (Form form : Form.values()) {
                List<Outcome> outcomes = List.of(
                        probe.exec(user, form, context, "sendStringBody(java.lang.String,java.lang.String)",
                                "file:" + written.getParent() + "?fileName=" + written.getFileName(), "pwned"),
                        probe.exec(user, form, context, "requestStringBody(java.lang.String,java.lang.String)",
                                "jdbc:dataSource", "SELECT count(*) FROM audit_log"),
                        probe.exec(user, form, context, "sendBody(java.lang.String,java.lang.Object)", "log:x", "x"),
                        probe.exec(user, form, context, "createEndpoint(java.lang.String)", "file:target/jolokia-endpoint"),
                        probe.exec(user, form, context, "dumpRoutesAsXml(boolean,boolean)", true, true),
                        probe.exec(user, form, route, "updateRouteFromXml(java.lang.String)", "<routes/>"),
                        probe.exec(user, form, route, "remove()"),
                        probe.exec(user, form, "com.sun.management:type=HotSpotDiagnostic",
                                "dumpHeap(java.lang.String,boolean)", heap.toAbsolutePath().toString(), true),
                        probe.exec(user, form, "com.sun.management:type=DiagnosticCommand", "vmSystemProperties()"),
                        probe.exec(user, form, "com.sun.management:type=DiagnosticCommand", "vmCommandLine()"),
                        probe.exec(user, form, "java.lang:type=Memory", "gc()"),
                        probe.exec(user, form, "jdk.management.jfr:type=FlightRecorder", "newRecording()"),
                        probe.exec(user, form, "org.springframework.boot:type=Endpoint,name=Env", "environment(java.lang.String)", "x"),
                        probe.write(user, form, "java.lang:type=Memory", "Verbose", true),
                        probe.read(user, form, "java.lang:type=Runtime", "SystemProperties"),
                        probe.read(user, form, "java.lang:type=Runtime", "InputArguments"));
                outcomes.stream().filter(Outcome::ran).forEach(through::add);
            }
        }
        assertThat(through).as("requests that got through").isEmpty();
        assertThat(written).as("file written through Camel").doesNotExist();
        assertThat(heap).as("heap dump").doesNotExist();
        assertThat(camel.getRouteController().getRouteStatus("submit-order")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void viewersAndOperatorsNeverFlipTheKillSwitchNorStopRoutes() {
        List<Outcome> through = new ArrayList<>();
        for (String user : List.of(JolokiaProbe.ANONYMOUS, "viewer", "operator")) {
            for (Form form : Form.values()) {
                for (Outcome outcome : List.of(probe.exec(user, form, desk, "killSwitch", "on"),
                        probe.exec(user, form, "io.ztrade:context=*,type=desk", "killSwitch", "on"),
                        probe.exec(user, form, route, "stop()"),
                        probe.exec(user, form, route, "suspend()"))) {
                    if (outcome.ran()) {
                        through.add(outcome);
                    }
                }
            }
        }
        assertThat(through).as("requests that got through").isEmpty();
        assertThat(admin().getForObject("/api/kill-switch", String.class)).contains("\"engaged\":false");
        assertThat(camel.getRouteController().getRouteStatus("submit-order")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void viewersNeverRunPauseOrResumeAgents() {
        List<Outcome> through = new ArrayList<>();
        for (String user : List.of(JolokiaProbe.ANONYMOUS, "viewer")) {
            for (Form form : Form.values()) {
                for (String operation : List.of("pause", "runNow", "runNowForced", "resume")) {
                    Outcome outcome = probe.exec(user, form, agent, operation);
                    if (outcome.ran()) {
                        through.add(outcome);
                    }
                }
            }
        }
        assertThat(through).as("requests that got through").isEmpty();
        assertThat(scheduler.schedule(catalogAgent()).paused()).isFalse();
    }

    @Test
    void noExecAndNoWriteOverGetEvenForAdmins() {
        List<Outcome> through = new ArrayList<>();
        for (String user : List.of("operator", "admin")) {
            for (Form form : Form.values()) {
                if (form.isGet()) {
                    for (Outcome outcome : List.of(probe.exec(user, form, desk, "killSwitch", "on"),
                            probe.exec(user, form, agent, "pause"), probe.exec(user, form, route, "stop()"),
                            probe.write(user, form, "java.lang:type=Threading", "ThreadCpuTimeEnabled", true))) {
                        if (outcome.ran()) {
                            through.add(outcome);
                        }
                    }
                }
            }
        }
        assertThat(through).as("GET requests that got through").isEmpty();
        assertThat(admin().getForObject("/api/kill-switch", String.class)).contains("\"engaged\":false");
        assertThat(scheduler.schedule(catalogAgent()).paused()).isFalse();
        assertThat(camel.getRouteController().getRouteStatus("submit-order")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void operatorsPauseAndResumeAgentsOverPostAndItIsAudited() {
        for (Form form : List.of(Form.POST, Form.POST_BULK, Form.POST_HAWTIO_FORWARD)) {
            assertThat(probe.exec("operator", form, agent, "pause").ran()).as(form.name()).isTrue();
            assertThat(scheduler.schedule(catalogAgent()).paused()).as(form.name()).isTrue();
            assertThat(probe.exec("operator", form, agent, "resume").ran()).as(form.name()).isTrue();
            assertThat(scheduler.schedule(catalogAgent()).paused()).as(form.name()).isFalse();
        }
        AuditLog.Entry exec = audit.latest(20).stream().filter(e -> e.action().equals("JOLOKIA")).findFirst()
                .orElseThrow();
        assertThat(exec.username()).isEqualTo("operator");
        assertThat(exec.target()).isEqualTo(agent);
        assertThat(exec.detail()).contains("resume");
        assertThat(exec.source()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void adminsFlipTheKillSwitchAndStartAndStopRoutesOverPost() throws Exception {
        assertThat(probe.exec("admin", Form.POST, desk, "killSwitch", "on").ran()).isTrue();
        assertThat(admin().getForObject("/api/kill-switch", String.class)).contains("\"engaged\":true");
        assertThat(probe.exec("admin", Form.POST_BULK, desk, "killSwitch", "off").ran()).isTrue();
        assertThat(admin().getForObject("/api/kill-switch", String.class)).contains("\"engaged\":false");

        assertThat(probe.exec("admin", Form.POST, route, "stop()").ran()).isTrue();
        assertThat(camel.getRouteController().getRouteStatus("submit-order")).isEqualTo(ServiceStatus.Stopped);
        assertThat(probe.exec("admin", Form.POST_HAWTIO_FORWARD, route, "start()").ran()).isTrue();
        assertThat(camel.getRouteController().getRouteStatus("submit-order")).isEqualTo(ServiceStatus.Started);
        assertThat(audit.latest(5)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("JOLOKIA");
            assertThat(entry.username()).isEqualTo("admin");
            assertThat(entry.target()).isEqualTo(route);
        });
    }

    /** Red team: an admin's {@code stop()} on {@code type=routes,name=*} stopped every route in one call. */
    @Test
    void aChangeNamesOneMBeanNeverAPattern() {
        String everyRoute = "org.apache.camel:context=" + camel.getManagementName() + ",type=routes,name=*";
        for (Form form : List.of(Form.POST, Form.POST_BULK, Form.POST_HAWTIO_FORWARD)) {
            assertThat(probe.exec("admin", form, everyRoute, "stop()").ran()).as(form.name()).isFalse();
            assertThat(probe.exec("admin", form, "io.ztrade:context=*,type=desk", "killSwitch", "on").ran())
                    .as(form.name()).isFalse();
            assertThat(probe.write("admin", form, "java.lang:type=Threading,*", "ThreadCpuTimeEnabled", true).ran())
                    .as(form.name()).isFalse();
        }
        assertThat(camel.getRouteController().getRouteStatus("submit-order")).isEqualTo(ServiceStatus.Started);
        assertThat(admin().getForObject("/api/kill-switch", String.class)).contains("\"engaged\":false");
    }

    @Test
    void viewersRunTheReadOnlyOperationsHawtioNeeds() {
        for (Form form : List.of(Form.POST, Form.POST_BULK, Form.POST_HAWTIO_FORWARD, Form.POST_BULK_HAWTIO_FORWARD)) {
            assertThat(probe.exec("viewer", form, context, "dumpRoutesAsXml()")).as(form.name())
                    .matches(Outcome::ran, "ran");
            assertThat(probe.exec("viewer", form, context, "dumpRoutesStatsAsXml", true, true)).matches(Outcome::ran, "ran");
            assertThat(probe.exec("viewer", form, "java.lang:type=Threading", "dumpAllThreads(boolean,boolean)",
                    false, false)).matches(Outcome::ran, "ran");
            assertThat(probe.read("viewer", form, "java.lang:type=Memory", "HeapMemoryUsage")).matches(Outcome::ran, "ran");
        }
        // reads also over GET, in every form; operations, even read-only ones, only over POST
        for (Form form : Form.values()) {
            if (form.isGet() && form != Form.GET_DOUBLE_ENCODED_TYPE && form != Form.GET_ENCODED_SLASH) {
                assertThat(probe.read("viewer", form, "java.lang:type=Memory", "HeapMemoryUsage")).matches(Outcome::ran, "ran");
                assertThat(probe.exec("viewer", form, context, "dumpRoutesAsXml()").ran()).as(form.name()).isFalse();
            }
        }
    }

    @Test
    void hawtioShowsOnlyTheButtonsTheUserMayPress() {
        String permissions = "hawtio:type=security,area=jmx,name=ZtradeJMXSecurity,app=\"" + camel.getName() + "\"";
        String check = "canInvoke(java.lang.String,java.lang.String)";
        assertThat(probe.exec("viewer", Form.POST, permissions, check, desk, "killSwitch(java.lang.String)").body())
                .contains("\"value\":false");
        assertThat(probe.exec("admin", Form.POST, permissions, check, desk, "killSwitch(java.lang.String)").body())
                .contains("\"value\":true");
        assertThat(probe.exec("operator", Form.POST, permissions, check, agent, "pause()").body()).contains("\"value\":true");
        assertThat(probe.exec("viewer", Form.POST, permissions, check, context, "dumpRoutesAsXml()").body())
                .contains("\"value\":true");
        assertThat(probe.exec("admin", Form.POST, permissions, check, context, "sendStringBody(java.lang.String, java.lang.String)")
                .body()).contains("\"value\":false");
    }

    @Test
    void refusalsAreAuditedWithTheClientAddressAndLoggedValuesCannotForgeLines(CapturedOutput output) {
        // an ObjectName cannot carry a newline, but the operation and the attribute can
        String forged = "\n2026-12-01 INFO io.ztrade.runs test_stock FILLED\r\n";
        assertThat(probe.exec("viewer", Form.POST, desk, "killSwitch" + forged, "on").ran()).isFalse();
        assertThat(probe.write("viewer", Form.POST_BULK, desk, "KillSwitchEngaged" + forged, true).ran()).isFalse();
        assertThat(output.getOut() + output.getErr()).doesNotContainPattern("(?m)^2026-12-01 INFO io.ztrade.runs");
        AuditLog.Entry refused = audit.latest(10).stream().filter(e -> e.action().equals("JOLOKIA_REFUSED"))
                .findFirst().orElseThrow();
        assertThat(refused.username()).isEqualTo("viewer");
        assertThat(refused.source()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(refused.target() + refused.detail()).doesNotContain("\n", "\r").contains("\\n");
    }

    @Test
    void systemPropertiesAndTheCommandLineStayHiddenFromWildcardReadsToo() {
        for (String user : List.of("viewer", "admin")) {
            for (String mbean : List.of("java.lang:type=Runtime", "java.lang:*", "*:type=Runtime", "*:*")) {
                Outcome outcome = probe.read(user, Form.POST, mbean, null);
                assertThat(outcome.body()).as(user + " " + mbean).doesNotContain("java.vm.specification.vendor", SECRET);
            }
            HttpResponse<String> list = probe.raw(user, "GET", "/actuator/jolokia/list", null);
            assertThat(list.body()).doesNotContain(SECRET);
        }
    }

    @Test
    void corsAnswersTheSameOriginOnly() {
        String self = "http://127.0.0.1:" + port;
        HttpResponse<String> foreign = probe.raw("viewer", "GET", "/actuator/jolokia/version", null,
                "Origin", "https://evil.example");
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(foreign.body()).doesNotContain("\"agent\"");
        HttpResponse<String> preflight = probe.raw("viewer", "OPTIONS", "/actuator/jolokia", null,
                "Origin", "https://evil.example", "Access-Control-Request-Method", "POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        // a cross-site form or link carries the other site as Referer
        HttpResponse<String> crossSite = probe.raw("admin", "POST", "/actuator/jolokia",
                "{\"type\":\"exec\",\"mbean\":\"" + desk + "\",\"operation\":\"killSwitch\",\"arguments\":[\"on\"]}",
                "Referer", "https://evil.example/page");
        assertThat(crossSite.body()).doesNotContain("\"status\":200");
        assertThat(admin().getForObject("/api/kill-switch", String.class)).contains("\"engaged\":false");

        // JSONP would let another site include an answer as a script and read it
        HttpResponse<String> jsonp = probe.raw("viewer", "GET",
                "/actuator/jolokia/read/java.lang:type=Memory/HeapMemoryUsage?callback=steal", null);
        assertThat(jsonp.body()).doesNotContain("\"used\"");

        HttpResponse<String> same = probe.raw("viewer", "GET", "/actuator/jolokia/version", null, "Origin", self);
        assertThat(same.body()).contains("\"status\":200");
    }

    @Test
    void neitherJolokiasJmxProxyNorHawtiosProxyConnectAnywhere() throws IOException {
        try (ServerSocket target = new ServerSocket(0)) {
            String proxied = "{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"HeapMemoryUsage\","
                    + "\"target\":{\"url\":\"service:jmx:rmi:///jndi/rmi://127.0.0.1:" + target.getLocalPort() + "/jmxrmi\"}}";
            probe.raw("admin", "POST", "/actuator/jolokia", proxied);
            probe.raw("admin", "GET", "/actuator/hawtio/proxy/127.0.0.1/" + target.getLocalPort() + "/x", null);
            target.setSoTimeout(200);
            assertThat(acceptedConnection(target)).as("connection to the probe's port").isFalse();
        }
        // no server-side notification listeners either: no backend to register with
        assertThat(probe.raw("admin", "POST", "/actuator/jolokia", "{\"type\":\"notification\",\"command\":\"register\"}")
                .body()).doesNotContain("\"pull\"", "\"sse\"");
        HttpResponse<String> health = probe.raw("viewer", "GET", "/actuator/hawtio/proxy/127.0.0.1/" + port
                + "/actuator/health", null);
        assertThat(health.body()).doesNotContain("\"UP\"");
    }

    private static boolean acceptedConnection(ServerSocket socket) throws IOException {
        try {
            socket.accept().close();
            return true;
        } catch (SocketTimeoutException none) {
            return false;
        }
    }

    private AgentSettings catalogAgent() {
        return catalog.get("test_stock");
    }
}
