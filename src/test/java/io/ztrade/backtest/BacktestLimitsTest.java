package io.ztrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.PipelineTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 11, finding 5 and must-do 2/3: backtests queue up to their caps, then 429 with Retry-After; only the newest
 * finished ones stay in memory (the others from disk); health reports the load; CSV bars can be uploaded.
 */
@CamelSpringBootTest
@AutoConfigureMockMvc
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ztrade.replay.threads=2", "ztrade.backtest.max-running=1", "ztrade.backtest.max-queued=2",
        "ztrade.backtest.max-per-user=2", "ztrade.backtest.keep-finished=2", "ztrade.backtest.retry-after=1s",
        "ztrade.backtest.max-csv-size=64KB"})
class BacktestLimitsTest extends PipelineTestSupport {

    static final Map<String, Object> TECHNICAL = Map.of("cron", "0 */5 9-15 ? * MON-FRI", "sentimentWeight", 0, "threshold", 0.1);
    static final Map<String, Object> ONE_DAY = Map.of("agent", "test_stock", "from", "2025-03-03", "to", "2025-03-03",
            "parameters", TECHNICAL);

    TestRestTemplate operator;
    TestRestTemplate admin;
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    Backtests backtests;
    @Autowired
    MockMvc mvc;

    @Autowired
    void users(TestRestTemplate anonymous) {
        operator = answersAsSent(anonymous.withBasicAuth("operator", "test-operator-password"));
        admin = answersAsSent(anonymous.withBasicAuth("admin", "test-admin-password"));
    }

    /**
     * The JDK's client, which shows a 429 as it came: the default test client (Apache HttpClient 5) waits for the
     * Retry-After and sends the request once more before it shows the 429, a second of sleep per refusal here.
     */
    private static TestRestTemplate answersAsSent(TestRestTemplate client) {
        client.getRestTemplate().setRequestFactory(new JdkClientHttpRequestFactory());
        return client;
    }

    @RepeatedTest(20)
    void backtestsQueueUpToTheirCapsThenGet429WithRetryAfterPerUserAndInTotal() throws Exception {
        // the operator's first backtest holds the only running slot until released
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        PreparedBacktest day = backtests.prepare(oneDay());
        BacktestJob first = backtests.start(day, "operator", (done, all) -> {
            running.countDown();
            await(release);
        });
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        List<String> ids = new ArrayList<>(List.of(first.id()));
        try {
            ResponseEntity<JsonNode> queued = operator.postForEntity("/api/backtests", ONE_DAY, JsonNode.class);
            assertThat(queued.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            ids.add(queued.getBody().get("id").asText());
            assertThat(operator.getForObject("/api/backtests/" + ids.get(1), JsonNode.class).get("status").asText())
                    .isEqualTo("QUEUED");

            ResponseEntity<JsonNode> mine = operator.postForEntity("/api/backtests", ONE_DAY, JsonNode.class);
            assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(mine.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            assertThat(mine.getBody().get("message").asText())
                    .isEqualTo("operator has 2 backtests running or queued, ztrade.backtest.max-per-user (2); wait for one to finish");

            ResponseEntity<JsonNode> other = admin.postForEntity("/api/backtests", ONE_DAY, JsonNode.class);
            assertThat(other.getStatusCode()).as("another user still has the last queue slot").isEqualTo(HttpStatus.ACCEPTED);
            ids.add(other.getBody().get("id").asText());
            JsonNode health = admin.getForObject("/actuator/health", JsonNode.class);
            assertThat(health.get("status").asText()).as("busy backtests are no trading outage").isEqualTo("UP");
            assertThat(health.at("/components/backtests/details").toString())
                    .isEqualTo("{\"running\":1,\"queued\":2,\"capacity\":1,\"queueCapacity\":2,\"saturated\":true}");

            ResponseEntity<JsonNode> full = admin.postForEntity("/api/backtests", ONE_DAY, JsonNode.class);
            assertThat(full.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(full.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            assertThat(full.getBody().get("message").asText()).isEqualTo("all 3 backtest slots are taken "
                    + "(ztrade.backtest.max-running 1 + max-queued 2); retry later");
        } finally {
            release.countDown();
        }
        for (String id : ids) {
            backtests.find(id).ifPresent(backtests::await);
        }
        assertThat(backtests.load().running() + backtests.load().queued()).isZero();
        assertThat(operator.postForEntity("/api/backtests", ONE_DAY, JsonNode.class).getStatusCode())
                .as("slots free again").isEqualTo(HttpStatus.ACCEPTED);
        backtests.latest(10).forEach(backtests::await);
    }

    /** A sweep's combinations share the fire times of their cron, worked out once when the backtest is prepared. */
    @Test
    void aSweepsCombinationsShareTheFireTimesOfTheirCron() {
        BacktestSpec spec = new BacktestSpec("test_stock", "2025-03-03", "2025-03-07", "synthetic", null, null, TECHNICAL,
                Map.of("threshold", List.<Object>of(0.05, 0.1, 0.2),
                        "cron", List.<Object>of("0 */5 9-15 ? * MON-FRI", "0 */10 9-15 ? * MON-FRI")),
                null, null, null, null, 42L);

        List<ReplayRequest> requests = backtests.prepare(spec).requests();

        assertThat(requests).hasSize(6).allSatisfy(r -> assertThat(r.fireTimes()).as("fire times prepared").isNotNull());
        Set<List<Instant>> lists = Collections.newSetFromMap(new IdentityHashMap<>());
        requests.forEach(r -> lists.add(r.fireTimes()));
        // 5 trading days x 78 five-minute slots from 09:30 to 15:55, or x 39 ten-minute ones
        assertThat(lists).as("one list per cron").extracting(List::size).containsExactlyInAnyOrder(390, 195);
        assertThat(backtests.total(backtests.prepare(spec))).isEqualTo(3 * 390 + 3 * 195);
    }

    @Test
    void onlyTheNewestFinishedBacktestsStayInMemoryTheOthersAreReadFromDisk() {
        List<BacktestJob> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            jobs.add(backtests.await(backtests.submit(oneDay())));
        }
        BacktestJob oldest = jobs.get(0);
        assertThat(backtests.find(oldest.id())).as("evicted from memory").isEmpty();
        assertThat(backtests.find(jobs.get(2).id())).isPresent();
        assertThat(Files.isRegularFile(oldest.dir().resolve(ReportFiles.REPORT))).isTrue();
        JsonNode fromDisk = operator.getForObject("/api/backtests/" + oldest.id(), JsonNode.class);
        assertThat(fromDisk.get("status").asText()).isEqualTo("DONE");
        assertThat(fromDisk.at("/report/runs").asInt()).isEqualTo(oldest.report().runs());
        assertThat(operator.getForObject(fromDisk.at("/files/equity.png").asText(), byte[].class)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(operator.getForEntity("/api/backtests/..%2F..%2Fetc", String.class).getStatusCode()).isIn(
                HttpStatus.NOT_FOUND, HttpStatus.BAD_REQUEST);
        assertThat(operator.getForEntity("/api/backtests/deadbeef/files/report.json", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anUploadedCsvIsBacktestedAndAnOversizedOrMalformedOneIsRefused() throws Exception {
        byte[] csv = BacktestInputsTest.bars("2025-03-03", "2025-03-04").getBytes(StandardCharsets.UTF_8);
        ResponseEntity<JsonNode> accepted = operator.postForEntity("/api/backtests", upload(
                "{\"agent\":\"test_stock\",\"from\":\"2025-03-03\",\"to\":\"2025-03-04\",\"parameters\":"
                        + "{\"sentimentWeight\":0,\"cron\":\"0 */5 9-15 ? * MON-FRI\"}}",
                "my-bars.csv", csv), JsonNode.class);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        BacktestJob job = backtests.await(backtests.find(accepted.getBody().get("id").asText()).orElseThrow());
        assertThat(job.status()).isEqualTo(BacktestJob.Status.DONE);
        assertThat(job.report().source()).isEqualTo("csv");
        assertThat(job.report().runs()).isEqualTo(2 * 78 - 1);

        String spec = "{\"agent\":\"test_stock\",\"from\":\"2025-03-03\",\"to\":\"2025-03-04\"}";
        byte[] big = new byte[100 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        ResponseEntity<JsonNode> oversized = operator.postForEntity("/api/backtests", upload(spec, "big.csv", big), JsonNode.class);
        assertThat(oversized.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(oversized.getBody().get("message").asText())
                .isEqualTo("upload larger than ztrade.backtest.max-csv-size (64KB); backtest a shorter range or raise the limit");

        byte[] notUtf8 = {'t', ',', 'o', ',', 'h', ',', 'l', ',', 'c', ',', 'v', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
        assertThat(uploadMessage(spec, "bin.csv", notUtf8)).isEqualTo("bars file 'bin.csv' is not UTF-8 text");
        assertThat(uploadMessage(spec, "../../etc/x.csv", "t,o,h,l,c,v\n2025-03-03T14:30:00Z,1,1,1,1\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("bars file 'x.csv' row 2 has 5 columns, the header 6");
        assertThat(uploadMessage(spec, "x.csv", ("t,o,h,l,c,v\n" + "9".repeat(2000) + "\n").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("bars file 'x.csv' row 2 is longer than 1000 characters; not a bars file?");
        assertThat(uploadMessage(spec, "x.csv", "t,o,h,l,c,v\n2025-03-03T14:30:00Z,1,1,1,NaN,1\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("bars file 'x.csv' row 2, column 'c': not a finite number >= 0");
        assertThat(uploadMessage(spec, "x.csv", ("t,o,h,l,c,v\n2025-03-03T14:35:00Z,1,1,1,1,1\n2025-03-03T14:30:00Z,1,1,1,1,1\n")
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("bars file 'x.csv' row 3, column 't': not after the row before; "
                + "rows go oldest first, one per bar");
        MultiValueMap<String, Object> onlySpec = new LinkedMultiValueMap<>();
        onlySpec.add("spec", spec);
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> noBars = operator.postForEntity("/api/backtests", new HttpEntity<>(onlySpec, form), JsonNode.class);
        assertThat(noBars.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noBars.getBody().get("message").asText())
                .isEqualTo("an upload takes two parts: 'spec' (the backtest as JSON) and 'bars' (the CSV file)");
        assertThat(uploadMessage("{\"agent\": ", "x.csv", csv)).startsWith("part 'spec' is not a backtest in JSON (line 1");
        assertThat(uploadMessage("{\"agent\":\"test_stock\",\"from\":\"2025-03-03\",\"to\":\"2025-03-04\",\"csv\":\"/etc/passwd\"}",
                "x.csv", csv)).isEqualTo("an upload takes no 'csv' name: the part 'bars' is the bars file");
    }

    @Test
    void aBrowserSessionUploadsWithItsCsrfTokenAndAViewerNever() throws Exception {
        MockMultipartFile file = new MockMultipartFile("bars", "mine.csv", "text/csv",
                BacktestInputsTest.bars("2025-03-03").getBytes(StandardCharsets.UTF_8));
        String spec = "{\"agent\":\"test_stock\",\"from\":\"2025-03-03\",\"to\":\"2025-03-03\","
                + "\"parameters\":{\"cron\":\"0 */5 9-15 ? * MON-FRI\"}}";
        mvc.perform(multipart("/api/backtests").file(file).param("spec", spec).with(user("operator").roles("OPERATOR")).with(csrf()))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.id").isString());
        mvc.perform(multipart("/api/backtests").file(file).param("spec", spec).with(user("operator").roles("OPERATOR")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/backtests").file(file).param("spec", spec).with(user("viewer").roles("VIEWER")).with(csrf()))
                .andExpect(status().isForbidden());
        backtests.latest(10).forEach(backtests::await);
    }

    /** One session of 5-minute runs (the test agents' own crons never fire). */
    static BacktestSpec oneDay() {
        return new BacktestSpec("test_stock", "2025-03-03", "2025-03-03", "synthetic", null, null, TECHNICAL, null,
                null, null, null, null, null);
    }

    private String uploadMessage(String spec, String name, byte[] bytes) {
        ResponseEntity<JsonNode> r = operator.postForEntity("/api/backtests", upload(spec, name, bytes), JsonNode.class);
        assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        return r.getBody().get("message").asText();
    }

    private static HttpEntity<MultiValueMap<String, Object>> upload(String spec, String name, byte[] bytes) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        parts.add("spec", new HttpEntity<>(spec, json));
        parts.add("bars", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
