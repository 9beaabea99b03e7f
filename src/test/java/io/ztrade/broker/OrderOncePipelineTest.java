package io.ztrade.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.ztrade.records.RunRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A whole run of the real route against a misbehaving Alpaca trading API (WireMock): the simulator serves market
 * data, the news stub makes the decision a BUY, and however the broker fails, exactly one order is POSTed.
 */
@io.ztrade.MostlyWaits
class OrderOncePipelineTest extends AlpacaTradingStubSupport {

    static final String BY_ID = "/v2/orders:by_client_order_id";

    @BeforeEach
    void account() {
        ALPACA.stubFor(get(urlEqualTo("/v2/account")).willReturn(aResponse().withStatus(200).withBody("""
                {"id": "a1", "status": "ACTIVE", "cash": "100000", "equity": "100000", "buying_power": "100000",
                 "portfolio_value": "100000", "trading_blocked": false, "account_blocked": false, "pattern_day_trader": false}""")));
        ALPACA.stubFor(get(urlPathEqualTo("/v2/positions/TSLA")).willReturn(aResponse().withStatus(404)
                .withBody("{\"code\":40410000,\"message\":\"position does not exist\"}")));
    }

    static String filled() {
        return """
                {"id": "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415", "client_order_id": "{{jsonPath request.body '$.client_order_id'}}",
                 "symbol": "TSLA", "side": "buy", "type": "market", "time_in_force": "day", "notional": "1000",
                 "status": "filled", "filled_qty": "4.2", "filled_avg_price": "238.10", "submitted_at": "2026-11-25T15:00:01Z"}""";
    }

    static String existing(String status) {
        return """
                {"id": "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415", "client_order_id": "{{request.query.client_order_id}}",
                 "symbol": "TSLA", "side": "buy", "type": "market", "time_in_force": "day", "notional": "1000",
                 "status": "%s", "filled_qty": "4.2", "filled_avg_price": "238.10", "submitted_at": "2026-11-25T15:00:01Z"}"""
                .formatted(status);
    }

    @Test
    void aTimeoutAfterTheBrokerAcceptedPlacesOneOrderAndRecordsItsFill() {
        ALPACA.stubFor(get(urlPathEqualTo(BY_ID)).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(404).withBody("{\"code\":40410000,\"message\":\"order not found\"}")));
        ALPACA.stubFor(post(urlEqualTo("/v2/orders")).inScenario("slow").willSetStateTo("accepted")
                .willReturn(aResponse().withStatus(200).withFixedDelay(7500).withBody(filled()).withTransformers("response-template")));
        ALPACA.stubFor(get(urlPathEqualTo(BY_ID)).inScenario("slow").whenScenarioStateIs("accepted")
                .willReturn(aResponse().withStatus(200).withBody(existing("filled")).withTransformers("response-template")));

        RunRecord run = forcedRunInItsOwnSecond("test_stock");

        assertThat(run.status()).isEqualTo("FILLED");
        assertThat(run.fillPrice()).isEqualByComparingTo("238.10");
        assertThat(run.fillQty()).isEqualByComparingTo("4.2");
        ALPACA.verify(1, postRequestedFor(urlEqualTo("/v2/orders"))
                .withRequestBody(matchingJsonPath("$.client_order_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(run.clientOrderId()))));
    }

    @Test
    void aGatewayErrorPageAfterTheBrokerAcceptedPlacesOneOrder() {
        ALPACA.stubFor(get(urlPathEqualTo(BY_ID)).inScenario("502").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(404)));
        // the order went through, but a proxy in front of Alpaca answered with its own error page
        ALPACA.stubFor(post(urlEqualTo("/v2/orders")).inScenario("502").willSetStateTo("accepted")
                .willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                        .withBody("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")));
        ALPACA.stubFor(get(urlPathEqualTo(BY_ID)).inScenario("502").whenScenarioStateIs("accepted")
                .willReturn(aResponse().withStatus(200).withBody(existing("filled")).withTransformers("response-template")));

        RunRecord run = forcedRunInItsOwnSecond("test_stock");

        assertThat(run.status()).isEqualTo("FILLED");
        ALPACA.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
    }

    @Test
    void aDuplicateClientOrderIdRecordsTheExistingOrdersRealStatus() {
        ALPACA.stubFor(get(urlPathEqualTo(BY_ID)).inScenario("dup").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(404)));
        ALPACA.stubFor(post(urlEqualTo("/v2/orders")).inScenario("dup").willSetStateTo("exists")
                .willReturn(aResponse().withStatus(422).withBody("{\"code\":40010001,\"message\":\"client_order_id must be unique\"}")));
        ALPACA.stubFor(get(urlPathEqualTo(BY_ID)).inScenario("dup").whenScenarioStateIs("exists")
                .willReturn(aResponse().withStatus(200).withBody(existing("filled")).withTransformers("response-template")));

        RunRecord run = forcedRunInItsOwnSecond("test_stock");

        assertThat(run.status()).isEqualTo("FILLED");
        assertThat(run.brokerOrderId()).isEqualTo("b0b6dd9d-8b9b-48a9-ba46-b9d54906e415");
        ALPACA.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
    }

    @Test
    void insufficientBuyingPowerIsRecordedAsRejectedByBrokerAndNotRetried() {
        ALPACA.stubFor(get(urlPathEqualTo(BY_ID)).willReturn(aResponse().withStatus(404)));
        ALPACA.stubFor(post(urlEqualTo("/v2/orders")).willReturn(aResponse().withStatus(403)
                .withBody("{\"code\":40310000,\"message\":\"insufficient buying power\"}")));

        RunRecord run = forcedRunInItsOwnSecond("test_stock");

        assertThat(run.status()).isEqualTo("REJECTED_BY_BROKER");
        assertThat(run.note()).contains("insufficient buying power");
        ALPACA.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
    }
}
