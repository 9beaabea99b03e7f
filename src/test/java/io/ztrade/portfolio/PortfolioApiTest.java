package io.ztrade.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doThrow;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.broker.Account;
import io.ztrade.broker.BrokerOrders;
import io.ztrade.broker.Position;
import io.ztrade.management.OperationsTestSupport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The portfolio, schedule and failures API on the simulator (the shared operations context): what the first screen
 * of the console reads.
 */
class PortfolioApiTest extends OperationsTestSupport {

    @Autowired
    SnapshotSchedule snapshots;

    @AfterEach
    void providerBack() {
        Mockito.reset(marketData);
    }

    @Test
    void aViewerReadsTheBrokersPositionAccountAndTodaysFillWithoutAnySecret() {
        String clientOrderId = filledRunOf("test_crypto").clientOrderId();
        BigDecimal held = ((BrokerOrders) broker).positions().stream().filter(p -> p.symbol().equals("BTCUSD"))
                .map(Position::qty).findFirst().orElseThrow();

        await().atMost(Duration.ofSeconds(10)).until(() -> fill(viewer().getForObject("/api/portfolio", JsonNode.class),
                clientOrderId) != null);
        ResponseEntity<String> raw = viewer().getForEntity("/api/portfolio", String.class);
        assertThat(raw.getBody()).doesNotContain(SECRET);
        JsonNode portfolio = viewer().getForObject("/api/portfolio", JsonNode.class);
        JsonNode crypto = agent(portfolio, "test_crypto");
        assertThat(crypto.get("qty").decimalValue()).isEqualByComparingTo(held);
        assertThat(crypto.get("symbol").asText()).isEqualTo("BTC/USD");
        assertThat(crypto.get("marketValue").decimalValue().signum()).isPositive();
        assertThat(crypto.get("ordersToday").asInt()).isPositive();
        assertThat(crypto.get("maxOrdersPerDay").asInt()).isEqualTo(100000); // test-agents.yaml
        Account account = broker.account();
        JsonNode desk = portfolio.get("desk");
        assertThat(desk.get("cash").decimalValue()).isEqualByComparingTo(account.cash());
        assertThat(desk.get("buyingPower").decimalValue()).isEqualByComparingTo(account.buyingPower());
        assertThat(desk.get("equity").decimalValue().add(desk.get("lastEquity").decimalValue().negate()))
                .isEqualByComparingTo(desk.get("todayPnl").decimalValue());
        assertThat(portfolio.get("broker").get("reachable").asBoolean()).isTrue();
        assertThat(fill(portfolio, clientOrderId).get("agentId").asText()).isEqualTo("test_crypto");
    }

    /** bin/ztrade portfolio's table says what the JSON says: the desk's cash and equity, the agent's position. */
    @Test
    void sentAcceptTextPlainThePortfolioIsATableOfTheSameFigures() {
        filledRunOf("test_crypto");
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.set(org.springframework.http.HttpHeaders.ACCEPT, "text/plain");

        await().atMost(Duration.ofSeconds(10)).until(() -> agent(viewer().getForObject("/api/portfolio", JsonNode.class),
                "test_crypto").get("qty").decimalValue().signum() != 0);
        ResponseEntity<String> text = viewer().exchange("/api/portfolio", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), String.class);
        JsonNode json = viewer().getForObject("/api/portfolio", JsonNode.class);

        assertThat(text.getHeaders().getContentType().toString()).startsWith("text/plain");
        assertThat(text.getBody()).startsWith("broker read ").doesNotContain(SECRET)
                .containsPattern("(?m)^desk equity +" + json.get("desk").get("equity").decimalValue()
                        .setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString().replace(".", "\\.") + " +today +[+-]")
                .containsPattern("(?m)^cash +" + json.get("desk").get("cash").decimalValue()
                        .setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString().replace(".", "\\.") + " ")
                .containsPattern("(?m)^AGENT +SYMBOL +QTY +AVG ENTRY +PRICE +VALUE +UNREALIZED +REALIZED +TODAY +ORDERS TODAY$");
        JsonNode crypto = agent(json, "test_crypto");
        assertThat(text.getBody()).containsPattern("(?m)^test_crypto +BTC/USD +" + crypto.get("qty").decimalValue()
                .stripTrailingZeros().toPlainString().replace(".", "\\.") + " .* " + crypto.get("ordersToday").asInt() + "/100000"); // test-agents.yaml
    }

    @Test
    void aSnapshotMakesTheEquityCurveWithItsDrawdownAndTheGaugesShowTheDesk() {
        assertThat(snapshots.snapshot()).isTrue();
        JsonNode curve = viewer().getForObject("/api/portfolio/equity?scope=desk&span=PT1H", JsonNode.class);
        assertThat(curve.get("points").size()).isPositive();
        JsonNode last = curve.get("points").get(curve.get("points").size() - 1);
        assertThat(last.get("value").decimalValue().signum()).isPositive();
        assertThat(last.get("drawdown").decimalValue().signum()).isNotNegative();
        assertThat(viewer().getForObject("/api/portfolio/equity?scope=test_crypto", JsonNode.class).get("points").size())
                .isPositive();

        String metrics = admin().getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).containsPattern("ztrade_desk_equity_dollars [0-9.E]+")
                .contains("ztrade_broker_reachable 1.0")
                .containsPattern("ztrade_agent_orders_today\\{agent=\"test_crypto\",symbol=\"BTC/USD\"}");
    }

    @Test
    void anUnknownScopeOrABadSpanIsRefusedByName() {
        ResponseEntity<String> unknown = viewer().getForEntity("/api/portfolio/equity?scope=agent_nope", String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).contains("agent_nope", "test_crypto");
        ResponseEntity<String> span = viewer().getForEntity("/api/portfolio/equity?span=a+week", String.class);
        assertThat(span.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(span.getBody()).contains("'a week' is not an ISO-8601 duration");
    }

    @Test
    void theScheduleGivesEachAgentsParametersNextFiresAndTheNyseSessionsAhead() {
        JsonNode schedule = viewer().getForObject("/api/schedule", JsonNode.class);
        JsonNode crypto = StreamSupport.stream(schedule.get("agents").spliterator(), false)
                .filter(a -> a.get("id").asText().equals("test_crypto")).findFirst().orElseThrow();
        // "0 0 0 1 1 ? 2099" in New York: midnight of 1 January 2099 is 05:00 UTC
        assertThat(crypto.get("nextFires").get(0).get("at").asText()).isEqualTo("2099-01-01T05:00:00Z");
        assertThat(crypto.get("nextFires").get(0).get("marketOpen").asBoolean()).isTrue();
        assertThat(crypto.get("nextTradingFire").asText()).isEqualTo("2099-01-01T05:00:00Z");
        assertThat(crypto.get("parameters").get("rsiPeriod").asInt()).isEqualTo(10);
        assertThat(crypto.get("timeZone").asText()).isEqualTo("America/New_York");
        JsonNode stock = StreamSupport.stream(schedule.get("agents").spliterator(), false)
                .filter(a -> a.get("id").asText().equals("test_stock")).findFirst().orElseThrow();
        // 1 January is a holiday: the stock agent's fire is skipped, and none trades in the years the cron has
        assertThat(stock.get("nextFires").get(0).get("marketOpen").asBoolean()).isFalse();
        assertThat(stock.get("nextTradingFire").isNull()).isTrue();
        List<JsonNode> sessions = StreamSupport.stream(schedule.get("sessions").spliterator(), false).toList();
        assertThat(sessions).isNotEmpty().allSatisfy(day -> {
            if (day.get("open").asBoolean()) {
                assertThat(day.get("openTime").asText()).isEqualTo("09:30");
            } else {
                assertThat(day.get("note").asText()).isNotBlank();
            }
        });
    }

    @Test
    void aFailedRunIsListedWithWhyItFailed() {
        // not a provider outage (which would open the data breaker for the other tests): a broken answer
        doThrow(new IllegalStateException("market data simulated outage: the quote had no price"))
                .when(marketData).snapshot(any(), any(), anyInt());
        Instant before = Instant.now();
        operator().postForEntity("/api/agents/test_crypto/runs?force=true", null, JsonNode.class);
        String runId = awaitRun("test_crypto", r -> "FAILED".equals(r.status()) && !r.startedAt().isBefore(before)).runId();

        JsonNode failures = viewer().getForObject("/api/failures", JsonNode.class);
        JsonNode run = StreamSupport.stream(failures.get("runs").spliterator(), false)
                .filter(r -> r.get("runId").asText().equals(runId)).findFirst().orElseThrow();
        assertThat(run.get("why").asText()).contains("market data simulated outage: the quote had no price");
        assertThat(run.get("agentId").asText()).isEqualTo("test_crypto");
        assertThat(failures.get("last24Hours").get("test_crypto").asInt()).isPositive();
        await().atMost(Duration.ofSeconds(10)).until(() -> viewer().getForObject("/api/failures", JsonNode.class)
                .get("alerts").toString().contains("run FAILED"));
        assertThat(viewer().getForEntity("/api/failures?limit=0", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private static JsonNode agent(JsonNode portfolio, String id) {
        return StreamSupport.stream(portfolio.get("agents").spliterator(), false)
                .filter(a -> a.get("agentId").asText().equals(id)).findFirst().orElseThrow();
    }

    private static JsonNode fill(JsonNode portfolio, String clientOrderId) {
        return StreamSupport.stream(portfolio.get("fillsToday").spliterator(), false)
                .filter(o -> clientOrderId.equals(o.get("clientOrderId").asText())).findFirst().orElse(null);
    }
}
