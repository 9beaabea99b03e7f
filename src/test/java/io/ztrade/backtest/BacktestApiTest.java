package io.ztrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.PipelineTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** POST /api/backtests to the report and its files, and the errors a wrong request gets. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BacktestApiTest extends PipelineTestSupport {

    static final Map<String, Object> TECHNICAL = Map.of("cron", "0 */5 9-15 ? * MON-FRI", "sentimentWeight", 0, "threshold", 0.1);

    TestRestTemplate http;
    @Autowired
    Backtests backtests;

    @Autowired
    void authenticate(TestRestTemplate anonymous) {
        // starting a backtest is an operator's call; the admin may do it too
        http = anonymous.withBasicAuth("admin", "test-admin-password");
    }

    @Test
    void aBacktestOfSyntheticFiveMinuteBarsRunsThroughTheRouteToAReportWithCharts() {
        ResponseEntity<JsonNode> accepted = http.postForEntity("/api/backtests", Map.of("agent", "test_stock",
                "from", "2025-03-03", "to", "2025-03-14", "source", "synthetic", "parameters", TECHNICAL,
                "commissionPerOrder", 1, "slippageBps", 10), JsonNode.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = accepted.getBody().get("id").asText();
        backtests.await(backtests.find(id).orElseThrow());

        JsonNode done = http.getForObject("/api/backtests/" + id, JsonNode.class);
        assertThat(done.get("status").asText()).as("error: %s", done.get("error")).isEqualTo("DONE");
        JsonNode listed = http.getForObject("/api/backtests?limit=5", JsonNode.class);
        assertThat(listed.get(0).get("id").asText()).as("the console's list, newest first").isEqualTo(id);
        assertThat(listed.get(0).at("/report/curve").size()).isPositive();
        assertThat(done.at("/progress/percent").asDouble()).isEqualTo(100.0);
        JsonNode report = done.get("report");
        assertThat(report.get("runs").asInt()).isEqualTo(780);
        assertThat(report.get("trades").asInt()).isPositive();
        assertThat(report.get("fees").asDouble()).isGreaterThanOrEqualTo(report.get("trades").asInt());
        assertThat(report.get("slippage").asDouble()).isPositive();
        assertThat(report.get("curve").size()).isBetween(2, 500);
        assertThat(report.has("sharpe")).isTrue();
        assertThat(report.has("benchmarkReturn")).isTrue();
        // what the replay used: no sentiment, and sentimentWeight 0, so nothing of this decision left out
        assertThat(report.at("/inputs/sentiment").asText()).isEqualTo("none");
        assertThat(report.at("/inputs/sentimentWeight").asDouble()).isZero();
        assertThat(report.at("/inputs/decisionWeightLeftOut").asDouble()).isZero();
        assertThat(report.at("/inputs/fills/slippageBps").asDouble()).isEqualTo(10.0);
        assertThat(report.at("/inputs/fills/commissionPerOrder").asDouble()).isEqualTo(1.0);
        // the benchmark holds the template's maxPositionValue, $10,000, of the $100,000
        assertThat(report.get("benchmarkCapital").asDouble()).isEqualTo(10_000.0);
        assertThat(report.get("benchmarkReturn").asDouble())
                .isCloseTo(report.get("priceReturn").asDouble() / 10, within(1e-12));
        assertThat(report.get("maxDeployed").asDouble()).isPositive()
                .isGreaterThanOrEqualTo(report.get("averageDeployed").asDouble());
        assertThat(report.get("tradeMarks").size()).isEqualTo(Math.min(1000, report.get("trades").asInt()));
        assertThat(report.get("tradeMarks").get(0).get("side").asText()).isEqualTo("BUY");
        for (String figure : List.of("calmar", "probabilisticSharpe", "profitFactor", "expectancy", "maxConsecutiveLosses",
                "averageHoldingMinutes")) {
            assertThat(report.has(figure)).as(figure).isTrue();
        }

        byte[] png = http.getForObject(done.at("/files/equity.png").asText(), byte[].class);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(http.getForObject(done.at("/files/drawdown.png").asText(), byte[].class)).startsWith(0x89, 'P', 'N', 'G');
        String trades = new String(http.getForObject(done.at("/files/trades.csv").asText(), byte[].class), StandardCharsets.UTF_8);
        assertThat(trades.lines()).hasSize(report.get("trades").asInt() + 1).first().asString().startsWith("time,client_order_id,side");
    }

    @Test
    void aSweepReplaysEveryCombinationAndRanksThem() {
        BacktestJob job = backtests.submit(new BacktestSpec("test_stock", "2025-03-03", "2025-03-05", "synthetic", null, null,
                TECHNICAL, Map.of("threshold", List.of(0.05, 0.1), "sentimentWeight", List.of(0, 0.5)), null, null, null, null, 7L));
        backtests.await(job);

        assertThat(job.status()).isEqualTo(BacktestJob.Status.DONE);
        assertThat(job.sweep()).hasSize(4);
        assertThat(job.sweep()).extracting(r -> r.parameters().get("threshold") + "/" + r.parameters().get("sentimentWeight"))
                .containsExactlyInAnyOrder("0.05/0", "0.05/0.5", "0.1/0", "0.1/0.5");
        assertThat(job.progress().done()).isEqualTo(4 * 3 * 78);
    }

    @Test
    void unknownAgentIsNotFoundAndNamesTheAgents() {
        ResponseEntity<JsonNode> r = post(Map.of("agent", "agent_nope", "from", "2025-01-01", "to", "2025-02-01"));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(r.getBody().get("message").asText()).contains("agent_nope").contains("test_stock");
    }

    @Test
    void badDatesUnknownSourceAndUnknownParametersAreBadRequestsSayingWhat() {
        assertThat(message(Map.of("agent", "test_stock", "from", "2025-13-01", "to", "2025-12-31")))
                .isEqualTo("'from' '2025-13-01' is not a date like 2025-01-31");
        assertThat(message(Map.of("agent", "test_stock", "from", "2025-02-01", "to", "2025-01-01")))
                .isEqualTo("'to' 2025-01-01 is before 'from' 2025-02-01");
        assertThat(message(Map.of("agent", "test_stock", "to", "2025-01-01")))
                .contains("'from' is required");
        assertThat(message(Map.of("agent", "test_stock", "from", "2025-01-01", "to", "2025-02-01", "source", "yahoo")))
                .isEqualTo("unknown source 'yahoo'; use one of synthetic, csv, alpaca, recorded");
        assertThat(message(Map.of("agent", "test_stock", "from", "2025-01-01", "to", "2025-02-01", "source", "csv")))
                .contains("needs 'csv'");
        assertThat(message(Map.of("agent", "test_stock", "from", "2025-01-01", "to", "2025-02-01", "parameters",
                Map.of("treshold", 0.2)))).contains("'treshold' is not a parameter of the trading-agent template");
        assertThat(message(Map.of("agent", "test_stock", "from", "2025-01-01", "to", "2025-02-01", "parameters",
                Map.of("threshold", 2)))).contains("threshold").contains("must be between 0.0 and 1.0");
        assertThat(message(Map.of("agent", "test_stock", "from", "2025-01-01", "to", "2025-02-01", "source", "alpaca")))
                .contains("source 'alpaca' needs ALPACA_API_KEY");
        assertThat(http.getForEntity("/api/backtests/nope", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<JsonNode> post(Map<String, Object> body) {
        return http.postForEntity("/api/backtests", body, JsonNode.class);
    }

    private String message(Map<String, Object> body) {
        ResponseEntity<JsonNode> r = post(body);
        assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        return r.getBody().get("message").asText();
    }
}
