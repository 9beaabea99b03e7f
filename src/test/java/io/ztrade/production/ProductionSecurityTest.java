package io.ztrade.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.desk.AuditLog;
import io.ztrade.management.security.JolokiaProbe;
import io.ztrade.management.security.JolokiaProbe.Form;
import io.ztrade.management.security.JolokiaProbe.Outcome;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 11 in the production profile (PostgreSQL, Redis): Hawtio and Jolokia are on behind the login, with the
 * same policy as the embedded default; failed logins back off; backtest files come only from the data directory. The node runs as the Docker image does, the actuator (Hawtio, Jolokia,
 * Prometheus) on a management port of its own, so the policy is checked where a desk reaches it.
 */
class ProductionSecurityTest {

    /** Node's own (a second --ztrade.security.admin-password would be joined to it with a comma). */
    private static final String ADMIN = "cluster-test-admin-password";
    private static final String OPERATOR = "prod-operator-password";
    private static final String VIEWER = "prod-viewer-password";
    /** The same at bcrypt cost 4: the matrix sends hundreds of Basic logins, each checked against its hash. */
    private static final String OPERATOR_HASH = "{bcrypt}$2a$04$4DZE0x7e952NjdFoQ7MBJeP1Q5cvi.uN1Ize4mDMhz8KkRNeM638i";
    private static final String VIEWER_HASH = "{bcrypt}$2a$04$5HXhVUoHTpkFyD1yIoKrkOsh1qzg2wvGL7jZCWwLEQrO3dhWqFtWK";

    private static String database;
    private static AlpacaStub alpaca;
    private static final String PREFIX = ProductionServices.redisPrefix();
    private static ConfigurableApplicationContext node;
    /** The management port: Hawtio, Jolokia. */
    private static JolokiaProbe probe;
    /** The application port: the API. */
    private static JolokiaProbe api;
    private static CamelContext camel;
    private static String desk;
    private static String context;

    @BeforeAll
    static void productionNode() {
        ProductionServices.requireRedis();
        database = ProductionServices.createDatabase("jolokia");
        alpaca = new AlpacaStub();
        node = Node.start(ProductionServices.jdbcUrl(database), "classpath:routes/test-agents.yaml",
                "--ztrade.security.users[0].name=operator", "--ztrade.security.users[0].password=" + OPERATOR_HASH,
                "--ztrade.security.users[0].role=operator",
                "--ztrade.security.users[1].name=viewer", "--ztrade.security.users[1].password=" + VIEWER_HASH,
                "--ztrade.security.users[1].role=viewer",
                "--ztrade.redis.url=redis://127.0.0.1:" + ProductionServices.REDIS_PORT,
                "--ztrade.redis.key-prefix=" + PREFIX,
                "--ztrade.alpaca.base-url=" + alpaca.url(), "--ztrade.alphavantage.base-url=" + alpaca.url(),
                // as the Docker image's MANAGEMENT_SERVER_PORT: the actuator in a child context on its own port
                "--management.server.port=0",
                // a back-off longer than any pause of a loaded machine between two requests
                "--ztrade.security.login.first-backoff=10m");
        int port = ((ServletWebServerApplicationContext) node).getWebServer().getPort();
        String managementPort = node.getEnvironment().getProperty("local.management.port");
        assertThat(managementPort).as("management port").isNotNull().isNotEqualTo(String.valueOf(port));
        Map<String, String> passwords = Map.of("admin", ADMIN, "operator", OPERATOR, "viewer", VIEWER,
                "intruder", "not-the-password");
        probe = new JolokiaProbe("http://127.0.0.1:" + managementPort, passwords);
        api = new JolokiaProbe("http://127.0.0.1:" + port, passwords);
        camel = node.getBean(CamelContext.class);
        desk = "io.ztrade:context=" + camel.getName() + ",type=desk";
        context = "org.apache.camel:context=" + camel.getManagementName() + ",type=context,name=\"" + camel.getName() + "\"";
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        alpaca.close();
        ProductionServices.dropDatabase(database);
        ProductionServices.deleteRedisKeys(PREFIX);
    }

    @Test
    void hawtioAndJolokiaAreOnBehindTheLogin() {
        assertThat(probe.raw(JolokiaProbe.ANONYMOUS, "GET", "/actuator/hawtio/", null).statusCode()).isEqualTo(401);
        assertThat(probe.raw(JolokiaProbe.ANONYMOUS, "GET", "/actuator/jolokia/version", null).statusCode()).isEqualTo(401);
        assertThat(probe.raw("viewer", "GET", "/actuator/hawtio/", null).body()).containsIgnoringCase("<html");
        assertThat(probe.read("viewer", Form.GET_PATH, "java.lang:type=Memory", "HeapMemoryUsage").ran()).isTrue();
        assertThat(probe.exec("viewer", Form.POST, context, "dumpRoutesAsXml()").ran()).isTrue();
    }

    @Test
    void theSamePolicyHoldsForEveryRoleAndForm() {
        Path written = Path.of("target", "jolokia-probe-" + UUID.randomUUID());
        Path heap = Path.of("target", "jolokia-probe-" + UUID.randomUUID() + ".hprof");
        List<Outcome> through = new ArrayList<>();
        for (String user : List.of(JolokiaProbe.ANONYMOUS, "viewer", "operator", "admin")) {
            for (Form form : Form.values()) {
                List<Outcome> outcomes = new ArrayList<>(List.of(
                        probe.exec(user, form, context, "sendStringBody(java.lang.String,java.lang.String)",
                                "file:" + written.getParent() + "?fileName=" + written.getFileName(), "pwned"),
                        probe.exec(user, form, context, "requestStringBody(java.lang.String,java.lang.String)",
                                "jdbc:dataSource", "DELETE FROM audit_log"),
                        probe.exec(user, form, "com.sun.management:type=HotSpotDiagnostic",
                                "dumpHeap(java.lang.String,boolean)", heap.toAbsolutePath().toString(), true),
                        probe.exec(user, form, "com.sun.management:type=DiagnosticCommand", "vmSystemProperties()"),
                        probe.read(user, form, "java.lang:type=Runtime", "SystemProperties")));
                if (!user.equals("admin") || form.isGet()) {
                    outcomes.add(probe.exec(user, form, desk, "killSwitch", "on"));
                }
                outcomes.stream().filter(Outcome::ran).forEach(through::add);
            }
        }
        assertThat(through).as("requests that got through").isEmpty();
        assertThat(written).doesNotExist();
        assertThat(heap).doesNotExist();
        assertThat(camel.getRouteController().getRouteStatus("submit-order")).isEqualTo(ServiceStatus.Started);
        assertThat(api.raw("admin", "GET", "/api/kill-switch", null).body()).contains("\"engaged\":false");
        List<AuditLog.Entry> refusals = node.getBean(AuditLog.class).latest(50).stream()
                .filter(e -> e.action().equals("JOLOKIA_REFUSED")).toList();
        assertThat(refusals).isNotEmpty().allSatisfy(e -> assertThat(e.source()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
    }

    @Test
    void adminsFlipTheKillSwitchOverPostAndForeignOriginsGetNoCors() {
        assertThat(probe.exec("admin", Form.POST, desk, "killSwitch", "on").ran()).isTrue();
        assertThat(api.raw("admin", "GET", "/api/kill-switch", null).body()).contains("\"engaged\":true");
        assertThat(probe.exec("admin", Form.POST_BULK, desk, "killSwitch", "off").ran()).isTrue();
        assertThat(api.raw("admin", "GET", "/api/kill-switch", null).body()).contains("\"engaged\":false");

        HttpResponse<String> foreign = probe.raw("viewer", "GET", "/actuator/jolokia/version", null,
                "Origin", "https://evil.example");
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void failedLoginsBackOffBeforeAnyPasswordCheck() {
        // five failures are free; the sixth is checked and starts the back-off
        for (int attempt = 1; attempt <= 6; attempt++) {
            assertThat(api.raw("intruder", "GET", "/api/agents", null).statusCode()).as("attempt " + attempt).isEqualTo(401);
        }
        HttpResponse<String> held = api.raw("intruder", "GET", "/api/agents", null);
        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isPositive());
        // the actuator's port shares the same throttle
        assertThat(probe.raw("intruder", "GET", "/actuator/jolokia/version", null).statusCode()).isEqualTo(429);
        assertThat(node.getBean(AuditLog.class).latest(50)).filteredOn(e -> e.action().equals("LOGIN_FAILED"))
                .filteredOn(e -> e.username().equals("intruder")).hasSize(6)
                .allSatisfy(e -> assertThat(e.source()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
    }

    @Test
    void backtestFilesComeOnlyFromTheDataDirectory() {
        for (String csv : List.of("/proc/self/environ", "../../../../etc/passwd")) {
            String spec = "{\"agent\":\"test_stock\",\"from\":\"2025-03-03\",\"to\":\"2025-03-05\","
                    + "\"source\":\"csv\",\"csv\":\"" + csv + "\"}";
            HttpResponse<String> refused = api.raw("operator", "POST", "/api/backtests", spec);
            assertThat(refused.statusCode()).as(csv).isEqualTo(400);
            assertThat(refused.body()).as(csv).contains("is not a readable file under ztrade.backtest.data-dir")
                    .doesNotContain("PATH=", "root:");
            assertThat(api.raw("viewer", "POST", "/api/backtests", spec).statusCode()).as(csv).isEqualTo(403);
        }
    }
}
