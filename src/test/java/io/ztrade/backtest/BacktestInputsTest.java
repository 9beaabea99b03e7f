package io.ztrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.PipelineTestSupport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 11, findings 4 and 5: a backtest reads bars only from {@code ztrade.backtest.data-dir} (or an upload), never
 * echoes a file's contents, and is sized before anything is built. Each request form an attacker would try.
 */
@CamelSpringBootTest
@AutoConfigureMockMvc
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BacktestInputsTest extends PipelineTestSupport {

    /** The data dir and, beside it, a folder the API must never read from. */
    static final Path ROOT = Path.of("target", "backtest-inputs-" + UUID.randomUUID()).toAbsolutePath();
    static final Path DATA = ROOT.resolve("bars");
    static final Path OUTSIDE = ROOT.resolve("outside");
    static final String SECRET = "ZTRADE_TEST_SECRET=hunter2-" + UUID.randomUUID();

    static final Map<String, Object> TECHNICAL = Map.of("cron", "0 */5 9-15 ? * MON-FRI", "sentimentWeight", 0, "threshold", 0.1);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(DATA.resolve("adir"));
        Files.createDirectories(OUTSIDE);
        Files.writeString(DATA.resolve("bars.csv"), bars("2025-03-03", "2025-03-04", "2025-03-05"));
        // a bars file outside the data dir, its first line a secret, and a link to it from inside
        Files.writeString(OUTSIDE.resolve("secret.csv"), SECRET + "\n" + bars("2025-03-03"));
        Files.createSymbolicLink(DATA.resolve("link.csv"), OUTSIDE.resolve("secret.csv"));
        Files.createSymbolicLink(DATA.resolve("dirlink"), OUTSIDE);
        Files.writeString(DATA.resolve("header.csv"), SECRET + "\n2025-03-03T14:30:00Z,1,1,1,1,1\n");
        Files.writeString(DATA.resolve("badrow.csv"), "t,o,h,l,c,v\n2025-03-03T14:30:00Z,10,11,9,10,100\n"
                + "2025-03-03T14:35:00Z,10,11,9," + SECRET + ",100\n");
        Path unreadable = Files.writeString(DATA.resolve("unreadable.csv"), bars("2025-03-03"));
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        registry.add("ztrade.backtest.data-dir", DATA::toString);
    }

    /** Valid 5-minute bars in Alpaca's format for NYSE sessions of the given (EST) days. */
    static String bars(String... days) {
        StringBuilder csv = new StringBuilder("t,o,h,l,c,v\n");
        for (String day : days) {
            Instant open = Instant.parse(day + "T14:30:00Z");
            for (int i = 0; i < 78; i++) {
                double c = 100 + Math.sin(i / 5.0) * 3 + i * 0.01;
                csv.append(open.plusSeconds(300L * i)).append(',').append(c - 0.2).append(',').append(c + 0.5).append(',')
                        .append(c - 0.5).append(',').append(c).append(",1000\n");
            }
        }
        return csv.toString();
    }

    TestRestTemplate operator;
    TestRestTemplate viewer;
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    Backtests backtests;
    @Autowired
    MockMvc mvc;

    @Autowired
    void users(TestRestTemplate anonymous) {
        operator = anonymous.withBasicAuth("operator", "test-operator-password");
        viewer = anonymous.withBasicAuth("viewer", "test-viewer-password");
    }

    static Map<String, Object> csv(String name) {
        return Map.of("agent", "test_stock", "from", "2025-03-03", "to", "2025-03-05", "source", "csv", "csv", name,
                "parameters", TECHNICAL);
    }

    static String refused(String name) {
        return "csv '" + name + "' is not a readable file under ztrade.backtest.data-dir (" + DATA + ")";
    }

    @Test
    void aBarsFileUnderTheDataDirIsReadByItsRelativeName() {
        ResponseEntity<JsonNode> r = operator.postForEntity("/api/backtests", csv("bars.csv"), JsonNode.class);
        assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        BacktestJob job = backtests.await(backtests.find(r.getBody().get("id").asText()).orElseThrow());
        assertThat(job.status()).isEqualTo(BacktestJob.Status.DONE);
        // every 5-minute fire time of the three sessions but the first (at 9:30 no bar is complete yet)
        assertThat(job.report().runs()).isEqualTo(3 * 78 - 1);
    }

    @Test
    void pathsOutOfTheDataDirAreRefusedWithOneMessageThatEchoesNothing() {
        String passwd = "root:";
        for (String name : List.of("/proc/self/environ", "/etc/passwd", "../../../../etc/passwd", "../outside/secret.csv",
                "%2e%2e/outside/secret.csv", "..%2Foutside%2Fsecret.csv", "link.csv", "dirlink/secret.csv", "adir", "adir/",
                ".", "", "sub/../bars.csv", DATA.resolve("bars.csv").toString(), "missing.csv", "unreadable.csv",
                "bars.csv\u0000.txt", "..\\outside\\secret.csv")) {
            if (name.equals("unreadable.csv") && Files.isReadable(DATA.resolve(name))) {
                continue; // root reads any file whatever its mode
            }
            ResponseEntity<JsonNode> r = operator.postForEntity("/api/backtests", csv(name), JsonNode.class);
            assertThat(r.getStatusCode()).as(name).isEqualTo(HttpStatus.BAD_REQUEST);
            String message = r.getBody().get("message").asText();
            assertThat(message).as(name).doesNotContain(SECRET).doesNotContain(passwd).doesNotContain("PATH=")
                    .doesNotContain("Exception");
            if (!name.isEmpty()) {
                assertThat(message).as(name).isEqualTo(refused(name.replace("\u0000", "\\u0000")));
            }
        }
    }

    @Test
    void anEncodedDotDotInTheJsonIsStillADotDot() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"agent\":\"test_stock\",\"from\":\"2025-03-03\",\"to\":\"2025-03-05\",\"source\":\"csv\","
                + "\"csv\":\"\\u002e\\u002e/outside/secret.csv\"}";
        ResponseEntity<JsonNode> r = operator.postForEntity("/api/backtests", new HttpEntity<>(body, json), JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().get("message").asText()).isEqualTo(refused("../outside/secret.csv"));
    }

    @Test
    void aMissingAndAnUnreadableFileGetTheSameMessage() throws IOException {
        String missing = operator.postForEntity("/api/backtests", csv("missing.csv"), JsonNode.class).getBody()
                .get("message").asText();
        String directory = operator.postForEntity("/api/backtests", csv("adir"), JsonNode.class).getBody()
                .get("message").asText();
        assertThat(missing.replace("missing.csv", "X")).isEqualTo(directory.replace("adir", "X"));
        // root reads any file whatever its mode: then there is no unreadable file to try
        if (!Files.isReadable(DATA.resolve("unreadable.csv"))) {
            String unreadable = operator.postForEntity("/api/backtests", csv("unreadable.csv"), JsonNode.class).getBody()
                    .get("message").asText();
            assertThat(missing.replace("missing.csv", "X")).isEqualTo(unreadable.replace("unreadable.csv", "X"));
        }
    }

    @Test
    void aBadHeaderOrRowIsNamedByRowAndColumnWithoutItsContent() {
        String header = message(csv("header.csv"));
        assertThat(header).doesNotContain(SECRET).doesNotContain("hunter2")
                .isEqualTo("bars file 'header.csv' row 1 (the header) has no column 't'; expected t,o,h,l,c,v as in Alpaca's bars API");
        String row = message(csv("badrow.csv"));
        assertThat(row).doesNotContain(SECRET).doesNotContain("hunter2")
                .isEqualTo("bars file 'badrow.csv' row 3, column 'c': not a number");
    }

    @Test
    void aHugeSweepIsRefusedBeforeAnyCombinationIsBuilt() {
        // the request thread allocates next to nothing: the product is sized, never built
        Map<String, List<Object>> big = new LinkedHashMap<>();
        big.put("threshold", IntStream.range(0, 100).mapToObj(i -> (Object) (i / 100.0)).toList());
        big.put("sentimentWeight", IntStream.range(0, 100).mapToObj(i -> (Object) (i / 100.0)).toList());
        big.put("orderNotional", IntStream.range(0, 10).mapToObj(i -> (Object) (100 + i)).toList());
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        try {
            backtests.prepare(new BacktestSpec("test_stock", "2025-03-03", "2025-03-05", "synthetic", null, null, TECHNICAL,
                    big, null, null, null, null, null));
        } catch (IllegalArgumentException expected) {
            assertThat(expected).hasMessageStartingWith("sweep of 100000 combinations");
        }
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).as("bytes allocated").isLessThan(2_000_000);

        // over HTTP: 1.7 kB of JSON that asked for 10^8 combinations
        Map<String, Object> sweep = new LinkedHashMap<>();
        for (String name : List.of("threshold", "sentimentWeight", "orderNotional", "maxOrdersPerDay")) {
            sweep.put(name, IntStream.range(0, 100).mapToObj(i -> i).toList());
        }
        Map<String, Object> body = new LinkedHashMap<>(csv("bars.csv"));
        body.put("sweep", sweep);
        assertThat(message(body)).isEqualTo("sweep of 100000000 combinations (threshold 100 x sentimentWeight 100 x "
                + "orderNotional 100 x maxOrdersPerDay 100) is more than ztrade.backtest.max-combinations (1000); "
                + "sweep fewer values");

    }

    @Test
    void aCenturyLongBacktestIsRefused() {
        Map<String, Object> body = new LinkedHashMap<>(csv("bars.csv"));
        body.put("from", "1925-01-01");
        body.put("to", "2025-01-01");
        assertThat(message(body)).isEqualTo("'from' 1925-01-01 to 'to' 2025-01-01 is longer than "
                + "ztrade.backtest.max-range (P10Y); backtest a shorter range");
    }

    @Test
    void tooManyBarsAreRefusedBeforeTheyAreMade() {
        Map<String, Object> minutes = new LinkedHashMap<>(TECHNICAL);
        minutes.put("barTimeframe", "1Min");
        Map<String, Object> body = new LinkedHashMap<>(Map.of("agent", "test_stock", "from", "2016-01-04", "to", "2025-12-31",
                "source", "synthetic", "parameters", minutes));
        assertThat(message(body)).startsWith("backtest of up to ")
                .endsWith(" 1Min bars (warm-up included) is more than ztrade.backtest.max-bars-per-job (500000); "
                        + "backtest a shorter range or longer bars");
    }

    @Test
    void viewersCannotStartBacktestsAsJsonOrUpload() throws Exception {
        assertThat(viewer.postForEntity("/api/backtests", csv("bars.csv"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        MockMultipartFile file = new MockMultipartFile("bars", "mine.csv", "text/csv", bars("2025-03-03").getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/backtests").file(file).param("spec", "{}").with(user("viewer").roles("VIEWER")).with(csrf()))
                .andExpect(status().isForbidden());
        // a browser session must send the CSRF token with an upload, as with every change
        mvc.perform(multipart("/api/backtests").file(file).param("spec", "{}").with(user("operator").roles("OPERATOR")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/backtests").contentType(MediaType.APPLICATION_JSON).content("{}")
                .with(user("operator").roles("OPERATOR"))).andExpect(status().isForbidden());
    }

    private String message(Map<String, Object> body) {
        ResponseEntity<JsonNode> r = operator.postForEntity("/api/backtests", body, JsonNode.class);
        assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        return r.getBody().get("message").asText();
    }
}
