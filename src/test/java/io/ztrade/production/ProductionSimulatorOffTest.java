package io.ztrade.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.provider.SimulatorToken;
import io.ztrade.simulator.SimulatedAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** A production node has no simulator: no beans, and /simulator/** is just an unknown path behind the login. */
class ProductionSimulatorOffTest {

    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:cluster-test-admin-password".getBytes(StandardCharsets.UTF_8));

    private String database;
    private ConfigurableApplicationContext node;
    private final String prefix = ProductionServices.redisPrefix();
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        ProductionServices.requireRedis();
        database = ProductionServices.createDatabase("nosim");
        node = Node.start(ProductionServices.jdbcUrl(database), "classpath:routes/test-agents.yaml",
                "--ztrade.quartz.clustered=false", "--ztrade.redis.key-prefix=" + prefix);
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        ProductionServices.dropDatabase(database);
        ProductionServices.deleteRedisKeys(prefix);
    }

    @Test
    void theSimulatorIsAbsent() throws Exception {
        assertThat(node.getBeanProvider(SimulatedAccount.class).getIfAvailable()).isNull();
        assertThat(node.getBeanProvider(SimulatorToken.class).getIfAvailable()).isNull();
        String base = "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/simulator/alpaca/v2/account")).GET().build()))
                .isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/simulator/alpaca/v2/account"))
                .header("Authorization", ADMIN).GET().build())).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/simulator/alpaca/v2/orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build()))
                .isIn(401, 403);
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/simulator/alpaca/v2/orders"))
                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build())).isEqualTo(404);
    }

    private int send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
