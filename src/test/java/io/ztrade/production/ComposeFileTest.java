package io.ztrade.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs in CI, so docker/compose.yaml is checked here: the services, their health checks, the
 * wiring between them, what is published, and that secrets come only from docker/.env.
 */
class ComposeFileTest {

    private static final Path DOCKER = Path.of("docker");
    private static Map<String, Object> compose;
    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
        services = (Map<String, Object>) compose.get("services");
    }

    @Test
    void runsTheWholeTopology() {
        assertThat(services).containsOnlyKeys("postgres", "redis", "ztrade-1", "ztrade-2", "prometheus", "grafana");
    }

    @Test
    void everyServiceHasAHealthCheck() {
        services.forEach((name, service) -> assertThat(map(service).get("healthcheck"))
                .as("healthcheck of " + name).isInstanceOf(Map.class));
    }

    @Test
    void theNodesUseThePostgresAndRedisServicesOnceTheyAreHealthy() {
        for (String node : List.of("ztrade-1", "ztrade-2")) {
            Map<String, Object> service = map(services.get(node));
            Map<String, Object> env = map(service.get("environment"));
            assertThat(env.get("SPRING_PROFILES_ACTIVE")).isEqualTo("production");
            assertThat(env.get("ZTRADE_DB_URL").toString()).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(env.get("ZTRADE_REDIS_URL").toString()).startsWith("redis://").endsWith("@redis:6379");
            Map<String, Object> dependsOn = map(service.get("depends_on"));
            assertThat(map(dependsOn.get("postgres")).get("condition")).isEqualTo("service_healthy");
            assertThat(map(dependsOn.get("redis")).get("condition")).isEqualTo("service_healthy");
            assertThat(list(service.get("volumes"))).anyMatch(v -> v.toString().endsWith(":/app/data"))
                    .contains("../routes:/app/routes:ro", "../plugins:/app/plugins:ro");
            assertThat(map(service.get("build")).get("dockerfile")).isEqualTo("docker/Dockerfile");
        }
        assertThat(map(services.get("ztrade-1")).get("hostname")).isNotEqualTo(map(services.get("ztrade-2")).get("hostname"));
    }

    @Test
    void onlyTheApiAndGrafanaArePublishedAndOnlyOnLocalhost() {
        for (String internal : List.of("postgres", "redis", "prometheus")) {
            assertThat(map(services.get(internal))).as(internal + " publishes no port").doesNotContainKey("ports");
            assertThat(list(map(services.get(internal)).get("networks"))).containsOnly((Object) "backend");
        }
        for (String published : List.of("ztrade-1", "ztrade-2", "grafana")) {
            assertThat(list(map(services.get(published)).get("ports")))
                    .allMatch(port -> port.toString().startsWith("127.0.0.1:"));
        }
        assertThat(map(map(compose.get("networks")).get("backend")).get("internal")).isEqualTo(true);
    }

    @Test
    void eachNodePublishesItsActuatorPortForHawtioOnLocalhost() throws IOException {
        // the Dockerfile puts the actuator (Hawtio, Jolokia) on MANAGEMENT_SERVER_PORT: a desk must reach it
        assertThat(Files.readString(DOCKER.resolve("Dockerfile"))).contains("MANAGEMENT_SERVER_PORT=8081");
        // plugins/ is mounted where the image looks for plugin jars
        assertThat(Files.readString(DOCKER.resolve("Dockerfile"))).contains("ZTRADE_PLUGINS_DIR=/app/plugins");
        assertThat(list(map(services.get("ztrade-1")).get("ports"))).contains("127.0.0.1:8281:8080", "127.0.0.1:8381:8081");
        assertThat(list(map(services.get("ztrade-2")).get("ports"))).contains("127.0.0.1:8282:8080", "127.0.0.1:8382:8081");
    }

    @Test
    void secretsComeFromTheEnvFileAndEachIsDocumentedInTheExample() throws IOException {
        String text = Files.readString(DOCKER.resolve("compose.yaml"));
        Set<String> used = new LinkedHashSet<>();
        Matcher variable = Pattern.compile("\\$\\{([A-Z_]+)").matcher(text);
        while (variable.find()) {
            used.add(variable.group(1));
        }
        List<String> example = Files.readAllLines(DOCKER.resolve(".env.example")).stream()
                .filter(line -> line.matches("[A-Z_]+=.*")).map(line -> line.substring(0, line.indexOf('='))).toList();
        assertThat(example).containsAll(used);
        for (String secret : List.of("POSTGRES_PASSWORD", "REDIS_PASSWORD", "GRAFANA_ADMIN_PASSWORD", "ZTRADE_ADMIN_PASSWORD",
                "PROMETHEUS_SCRAPE_PASSWORD")) {
            assertThat(text).contains("${" + secret + ":?");
            // a value set in the file itself, not taken from the environment
            assertThat(text).doesNotContainPattern("(?m)^\\s*" + secret + ":\\s*[^$\\s]");
        }
        assertThat(Files.readString(Path.of(".gitignore"))).contains("docker/.env");
    }

    @Test
    void prometheusScrapesBothNodesAndGrafanaIsProvisioned() throws IOException {
        Map<String, Object> prometheus = new Yaml().load(Files.readString(DOCKER.resolve("prometheus/prometheus.yml")));
        assertThat(prometheus.toString()).contains("ztrade-1:8081", "ztrade-2:8081", "/actuator/prometheus");
        // the metrics need a login: Prometheus scrapes as the nodes' viewer "prometheus", its password from docker/.env
        Map<String, Object> auth = map(map(list(prometheus.get("scrape_configs")).get(0)).get("basic_auth"));
        assertThat(auth).containsEntry("username", "prometheus").containsEntry("password_file", "/etc/prometheus/scrape_password");
        assertThat(map(map(services.get("ztrade-1")).get("environment")))
                .containsEntry("ZTRADE_SECURITY_USERS_0_NAME", "prometheus")
                .containsEntry("ZTRADE_SECURITY_USERS_0_ROLE", "viewer");
        assertThat(map(map(compose.get("configs")).get("prometheus-scrape-password")).get("content").toString())
                .startsWith("${PROMETHEUS_SCRAPE_PASSWORD:?");

        Map<String, Object> datasources = new Yaml().load(
                Files.readString(DOCKER.resolve("grafana/provisioning/datasources/datasources.yaml")));
        List<String> uids = new ArrayList<>();
        list(datasources.get("datasources")).forEach(ds -> uids.add(map(ds).get("uid").toString()));
        assertThat(uids).containsExactlyInAnyOrder("prometheus", "ztrade-postgres");

        JsonNode dashboard = new ObjectMapper().readTree(DOCKER.resolve("grafana/dashboards/ztrade.json").toFile());
        List<String> titles = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> titles.add(panel.path("title").asText()));
        assertThat(titles).contains("Runs per agent", "Decisions", "Orders", "Failures", "Step latency (mean ms)");
        dashboard.path("panels").forEach(panel -> assertThat(uids).contains(panel.path("datasource").path("uid").asText()));
    }

    @Test
    void theImageIsMultiStageLayeredNonRootAndHealthChecked() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        assertThat(Pattern.compile("(?m)^FROM ").matcher(dockerfile).results().count()).isGreaterThanOrEqualTo(2);
        assertThat(dockerfile).contains("extract --layers", "COPY --from=build /layers/dependencies/",
                "HEALTHCHECK", "/actuator/health/liveness");
        assertThat(dockerfile).containsPattern("(?m)^USER ztrade");
        assertThat(dockerfile).doesNotContainPattern("(?m)^USER root");
    }

    @SuppressWarnings("unchecked")
    @Test
    void theNodesGetTimeToRecordTheirRunsOnDockerStop() {
        // docker stop's default 10 s would SIGKILL a node still waiting ztrade.shutdown.timeout (20 s) for its runs
        for (String node : List.of("ztrade-1", "ztrade-2")) {
            assertThat(map(services.get(node)).get("stop_grace_period")).as(node).isEqualTo("40s");
        }
    }

    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) value;
        return list;
    }
}
