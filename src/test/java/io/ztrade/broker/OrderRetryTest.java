package io.ztrade.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ztrade.records.RunRecord;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The broker step against a WireMock Alpaca trading API (documented payloads): a retried order keeps its client
 * order id, a 422 duplicate is looked up instead of resent, a 403 is a broker rejection without retry.
 */
class OrderRetryTest extends AlpacaTradingStubSupport {

    static final String ACCOUNT = """
            {"id": "acc-1", "status": "ACTIVE", "currency": "USD", "cash": "100000.00", "buying_power": "100000.00",
             "equity": "100000.00", "portfolio_value": "100000.00", "trading_blocked": false, "account_blocked": false,
             "pattern_day_trader": false}
            """;

    @Autowired
    ObjectMapper mapper;

    @BeforeEach
    void stubAccount() {
        ALPACA.stubFor(get("/v2/account").willReturn(json(200, ACCOUNT)));
        ALPACA.stubFor(get("/v2/positions/BTCUSD").willReturn(json(404, "{\"code\":40410000,\"message\":\"position does not exist\"}")));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String order(String clientOrderId, String status) {
        return """
                {"id": "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415", "client_order_id": "%s", "symbol": "BTC/USD",
                 "side": "buy", "type": "market", "time_in_force": "gtc", "notional": "1000", "qty": null,
                 "status": "%s", "filled_qty": "0.0105", "filled_avg_price": "95238.10",
                 "submitted_at": "2026-11-25T15:00:01.123456Z"}
                """.formatted(clientOrderId, status);
    }

    private List<JsonNode> orderBodies() throws Exception {
        List<LoggedRequest> posts = ALPACA.findAll(postRequestedFor(urlPathEqualTo("/v2/orders")));
        List<JsonNode> bodies = new java.util.ArrayList<>();
        for (LoggedRequest post : posts) {
            bodies.add(mapper.readTree(post.getBodyAsString()));
        }
        return bodies;
    }

    @Test
    void aRetriedOrderKeepsItsClientOrderId() throws Exception {
        ALPACA.stubFor(post("/v2/orders").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(500, "{\"message\":\"internal server error\"}")).willSetStateTo("recovered"));
        ALPACA.stubFor(post("/v2/orders").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(json(200, order("{{jsonPath request.body '$.client_order_id'}}", "filled"))
                        .withTransformers("response-template")));

        RunRecord run = forcedRunInItsOwnSecond("test_crypto");
        List<JsonNode> bodies = orderBodies();
        assertThat(bodies).hasSize(2);
        assertThat(bodies).extracting(b -> b.get("client_order_id").asText())
                .containsOnly(run.clientOrderId());
        assertThat(run.clientOrderId()).as("a manual run: its second and its own run id").matches("zt-test_crypto-\\d+-[0-9a-f]{8}");
        assertThat(run.status()).isEqualTo("FILLED");
        JsonNode first = bodies.get(0);
        assertThat(first.get("symbol").asText()).isEqualTo("BTC/USD");
        assertThat(first.get("side").asText()).isEqualTo("buy");
        assertThat(first.get("type").asText()).isEqualTo("market");
        assertThat(first.get("time_in_force").asText()).isEqualTo("gtc");
        assertThat(first.get("notional").asText()).isEqualTo("1000.00");
        assertThat(first.has("qty")).isFalse();
    }

    @Test
    void anOrderTheBrokerAlreadyHasIsLookedUpNotResent() throws Exception {
        ALPACA.stubFor(post("/v2/orders").willReturn(json(422,
                "{\"code\":40010001,\"message\":\"client_order_id must be unique\"}")));
        ALPACA.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id"))
                .willReturn(json(200, order("{{request.query.client_order_id}}", "filled")).withTransformers("response-template")));

        RunRecord run = forcedRunInItsOwnSecond("test_crypto");
        assertThat(run.status()).isEqualTo("FILLED");
        assertThat(run.brokerOrderId()).isEqualTo("b0b6dd9d-8b9b-48a9-ba46-b9d54906e415");
        assertThat(orderBodies()).as("the broker looks the id up before sending, and finds it").isEmpty();
        ALPACA.verify(getRequestedFor(urlPathEqualTo("/v2/orders:by_client_order_id"))
                .withQueryParam("client_order_id", equalTo(run.clientOrderId())));
    }

    @Test
    void insufficientBuyingPowerIsABrokerRejectionAndIsNotRetried() throws Exception {
        ALPACA.stubFor(post("/v2/orders").willReturn(json(403, "{\"code\":40310000,\"message\":\"insufficient buying power\"}")));

        RunRecord run = forcedRunInItsOwnSecond("test_crypto");
        assertThat(run.status()).isEqualTo("REJECTED_BY_BROKER");
        assertThat(run.note()).contains("insufficient buying power");
        assertThat(orderBodies()).hasSize(1);
    }
}
