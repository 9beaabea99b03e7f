package io.ztrade.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.ztrade.provider.AlpacaProperties;
import io.ztrade.provider.AlpacaRateGate;
import io.ztrade.provider.ProviderDataException;
import io.ztrade.provider.ProviderEndpoints;
import io.ztrade.provider.ProviderHttpFixture;
import io.ztrade.provider.ProviderUnavailableException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AlpacaBroker over real HTTP against WireMock stubs of Alpaca's documented answers and failures. */
class AlpacaBrokerTest {

    static final String ID = "zt-agent_tsla-1764082800";
    static final String BY_ID = "/v2/orders:by_client_order_id?client_order_id=" + ID;
    @RegisterExtension
    static final WireMockExtension ALPACA = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();
    @RegisterExtension
    static final ProviderHttpFixture fixture = new ProviderHttpFixture();

    private AlpacaBroker broker;

    @BeforeEach
    void setUp() {
        broker = broker(new AlpacaRateGate(200, Duration.ofSeconds(5), Clock.systemUTC(), d -> { }));
    }

    @AfterEach
    void noUnmatched() {
        assertThat(ALPACA.findAllUnmatchedRequests()).isEmpty();
    }

    static AlpacaBroker broker(AlpacaRateGate gate) {
        AlpacaProperties alpaca = new AlpacaProperties("AKTEST", "SECRET", ALPACA.baseUrl(), ALPACA.baseUrl());
        ProviderEndpoints endpoints = ProviderHttpFixture.endpoints(alpaca, null, null, null);
        return new AlpacaBroker(fixture.alpaca(alpaca, gate), endpoints, new ObjectMapper(),
                new BrokerProperties(false, Duration.ofSeconds(1), Duration.ofMillis(100)), d -> { });
    }

    static String order(String status, String filledQty, String filledAvgPrice) {
        return """
                {"id": "61e69015-8549-4bfd-b9c3-01e75843f47d", "client_order_id": "%s", "symbol": "TSLA", "side": "buy",
                 "type": "market", "time_in_force": "day", "qty": null, "notional": "1000", "status": "%s",
                 "filled_qty": "%s", "filled_avg_price": %s, "submitted_at": "2026-11-25T15:00:01.123456Z"}
                """.formatted(ID, status, filledQty, filledAvgPrice == null ? "null" : "\"" + filledAvgPrice + "\"");
    }

    static OrderRequest buy() {
        return new OrderRequest("TSLA", OrderSide.BUY, null, new BigDecimal("1000"), "day", ID);
    }

    private static void noOrderYetThenPlaced(String placedStatus) {
        ALPACA.stubFor(get(urlEqualTo(BY_ID)).inScenario("order").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(404).withBody("{\"code\":40410000,\"message\":\"order not found\"}")));
        ALPACA.stubFor(get(urlEqualTo(BY_ID)).inScenario("order").whenScenarioStateIs("placed")
                .willReturn(aResponse().withStatus(200).withBody(order(placedStatus, "4.2", "238.10"))));
    }

    @Test
    void sendsOneMarketOrderByNotionalWithAuthAndPollsItUntilFilled() {
        noOrderYetThenPlaced("filled");
        ALPACA.stubFor(post(urlEqualTo("/v2/orders")).inScenario("order").willSetStateTo("placed")
                .willReturn(aResponse().withStatus(200).withBody(order("accepted", "0", null))));

        OrderAck ack = broker.submit(buy());

        assertThat(ack.state()).isEqualTo(OrderAck.State.FILLED);
        assertThat(ack.filledQty()).isEqualByComparingTo("4.2");
        assertThat(ack.filledAvgPrice()).isEqualByComparingTo("238.10");
        assertThat(ack.brokerOrderId()).isEqualTo("61e69015-8549-4bfd-b9c3-01e75843f47d");
        ALPACA.verify(1, postRequestedFor(urlEqualTo("/v2/orders"))
                .withHeader("APCA-API-KEY-ID", equalTo("AKTEST")).withHeader("APCA-API-SECRET-KEY", equalTo("SECRET"))
                .withRequestBody(equalToJson("""
                        {"symbol":"TSLA","side":"buy","type":"market","time_in_force":"day","client_order_id":"%s",
                         "notional":"1000"}""".formatted(ID)))
                .withRequestBody(notContaining("\"qty\"")));
    }

    @Test
    void recordsTheLastKnownStatusWhenTheOrderIsNotFilledInTime() {
        noOrderYetThenPlaced("accepted");
        ALPACA.stubFor(post(urlEqualTo("/v2/orders")).inScenario("order").willSetStateTo("placed")
                .willReturn(aResponse().withStatus(200).withBody(order("new", "0", null))));

        OrderAck ack = broker.submit(buy());

        assertThat(ack.state()).isEqualTo(OrderAck.State.SUBMITTED);
        assertThat(ack.brokerStatus()).isEqualTo("accepted");
        // 1 s fill timeout / 100 ms interval = 10 polls, plus the look-up before the POST
        ALPACA.verify(11, getRequestedFor(urlEqualTo(BY_ID)));
    }

    @Test
    void aDuplicateClientOrderIdReportsTheExistingOrderInsteadOfPlacingAnother() {
        ALPACA.stubFor(get(urlEqualTo(BY_ID)).inScenario("dup").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(404)));
        ALPACA.stubFor(post(urlEqualTo("/v2/orders")).inScenario("dup").willSetStateTo("exists")
                .willReturn(aResponse().withStatus(422).withBody("{\"code\":40010001,\"message\":\"client_order_id must be unique\"}")));
        ALPACA.stubFor(get(urlEqualTo(BY_ID)).inScenario("dup").whenScenarioStateIs("exists")
                .willReturn(aResponse().withStatus(200).withBody(order("filled", "4.2", "238.10"))));

        OrderAck ack = broker.submit(buy());

        assertThat(ack.state()).isEqualTo(OrderAck.State.FILLED);
        assertThat(ack.filledAvgPrice()).isEqualByComparingTo("238.10");
        ALPACA.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
    }

    /** Another tool's ETH/USD $1 order that happens to carry this run's id. */
    static final String STRANGER = """
            {"id": "0f4c9d7e-0000-4000-8000-000000000001", "client_order_id": "%s", "symbol": "ETH/USD", "side": "buy",
             "type": "market", "time_in_force": "gtc", "qty": null, "notional": "1", "status": "filled",
             "filled_qty": "0.0003", "filled_avg_price": "3300.00", "submitted_at": "2026-11-25T15:00:01.123456Z"}
            """.formatted(ID);

    @Test
    void anotherOrderUnderTheRunsIdIsACollisionNeverTheRunsFill() {
        ALPACA.stubFor(get(urlEqualTo(BY_ID)).willReturn(aResponse().withStatus(200).withBody(STRANGER)));

        assertThatThrownBy(() -> broker.submit(buy()))
                .isInstanceOf(ClientOrderIdCollisionException.class)
                .hasMessageContaining("client order id collision")
                .hasMessageContaining("broker order 0f4c9d7e-0000-4000-8000-000000000001 under " + ID
                        + " is buy $1 of ETH/USD, this run's order is buy $1000 of TSLA");
        ALPACA.verify(0, postRequestedFor(urlEqualTo("/v2/orders")));
    }

    @Test
    void aCollisionFoundAfterA422IsACollisionToo() {
        ALPACA.stubFor(get(urlEqualTo(BY_ID)).inScenario("dup").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(404)));
        ALPACA.stubFor(post(urlEqualTo("/v2/orders")).inScenario("dup").willSetStateTo("exists")
                .willReturn(aResponse().withStatus(422).withBody("{\"code\":40010001,\"message\":\"client_order_id must be unique\"}")));
        ALPACA.stubFor(get(urlEqualTo(BY_ID)).inScenario("dup").whenScenarioStateIs("exists")
                .willReturn(aResponse().withStatus(200).withBody(STRANGER)));

        assertThatThrownBy(() -> broker.submit(buy())).isInstanceOf(ClientOrderIdCollisionException.class);
    }

    @Test
    void anOrderOfTheSameSymbolButAnotherSideOrSizeIsACollision() {
        // the run's side and symbol, another size; then another side
        ALPACA.stubFor(get(urlEqualTo(BY_ID)).inScenario("s").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("side")
                .willReturn(aResponse().withStatus(200).withBody(order("filled", "4.2", "238.10").replace("\"1000\"", "\"999\""))));
        ALPACA.stubFor(get(urlEqualTo(BY_ID)).inScenario("s").whenScenarioStateIs("side")
                .willReturn(aResponse().withStatus(200).withBody(order("filled", "4.2", "238.10").replace("\"buy\"", "\"sell\""))));

        assertThatThrownBy(() -> broker.submit(buy())).isInstanceOf(ClientOrderIdCollisionException.class)
                .hasMessageContaining("is buy $999 of TSLA");
        assertThatThrownBy(() -> broker.submit(buy())).isInstanceOf(ClientOrderIdCollisionException.class)
                .hasMessageContaining("is sell $1000 of TSLA");
        // a qty order matches on qty, and crypto symbols with or without the slash
        ALPACA.resetAll();
        ALPACA.stubFor(get(urlEqualTo(BY_ID)).willReturn(aResponse().withStatus(200).withBody(order("filled", "0.5", "95000")
                .replace("\"TSLA\"", "\"BTCUSD\"").replace("\"qty\": null, \"notional\": \"1000\"", "\"qty\": \"0.50\", \"notional\": null"))));
        OrderAck mine = broker.submit(new OrderRequest("BTC/USD", OrderSide.BUY, new BigDecimal("0.5"), null, "gtc", ID));
        assertThat(mine.state()).isEqualTo(OrderAck.State.FILLED);
        ALPACA.verify(0, postRequestedFor(urlEqualTo("/v2/orders")));
    }

    @Test
    void insufficientBuyingPowerIsARejectionWithTheBrokersMessage() {
        ALPACA.stubFor(get(urlEqualTo(BY_ID)).willReturn(aResponse().withStatus(404)));
        ALPACA.stubFor(post(urlEqualTo("/v2/orders"))
                .willReturn(aResponse().withStatus(403).withBody("{\"code\":40310000,\"message\":\"insufficient buying power\"}")));

        OrderAck ack = broker.submit(buy());

        assertThat(ack.state()).isEqualTo(OrderAck.State.REJECTED);
        assertThat(ack.message()).contains("HTTP 403").contains("insufficient buying power").contains(ID);
        ALPACA.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
    }

    @Test
    void rateLimitedOrderFailsAsUnavailableAndClosesTheSharedGateUntilReset() {
        long reset = Instant.now().plusSeconds(3600).getEpochSecond();
        ALPACA.stubFor(get(urlEqualTo(BY_ID)).willReturn(aResponse().withStatus(404)));
        ALPACA.stubFor(post(urlEqualTo("/v2/orders")).willReturn(aResponse().withStatus(429)
                .withHeader("X-Ratelimit-Limit", "200").withHeader("X-Ratelimit-Remaining", "0")
                .withHeader("X-Ratelimit-Reset", String.valueOf(reset)).withBody("{\"message\":\"too many requests.\"}")));
        AlpacaRateGate gate = new AlpacaRateGate(200, Duration.ofSeconds(5), Clock.systemUTC(), d -> { });
        AlpacaBroker limited = broker(gate);

        assertThatThrownBy(() -> limited.submit(buy())).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("HTTP 429").hasMessageContaining(String.valueOf(reset));
        // every later Alpaca call, from any agent, now refuses to go out before the reset
        assertThatThrownBy(() -> limited.account()).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("alpaca rate limit");
        ALPACA.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
        ALPACA.verify(0, getRequestedFor(urlEqualTo("/v2/account")));
    }

    @Test
    void serverErrorIsUnavailableSoTheRunIsRedelivered() {
        ALPACA.stubFor(get(urlEqualTo(BY_ID)).willReturn(aResponse().withStatus(404)));
        ALPACA.stubFor(post(urlEqualTo("/v2/orders")).willReturn(aResponse().withStatus(500).withBody("internal error")));

        assertThatThrownBy(() -> broker.submit(buy())).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("HTTP 500");
    }

    @Test
    void aTimeoutAfterTheBrokerAcceptedIsNotSentAgainOnRedelivery() {
        ALPACA.stubFor(get(urlEqualTo(BY_ID)).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(404)));
        // the broker takes the order but answers after our response timeout
        ALPACA.stubFor(post(urlEqualTo("/v2/orders")).inScenario("slow").willSetStateTo("accepted")
                .willReturn(aResponse().withStatus(200).withFixedDelay((int) ProviderHttpFixture.RESPONSE_TIMEOUT_MS * 3)
                        .withBody(order("accepted", "0", null))));
        ALPACA.stubFor(get(urlEqualTo(BY_ID)).inScenario("slow").whenScenarioStateIs("accepted")
                .willReturn(aResponse().withStatus(200).withBody(order("filled", "4.2", "238.10"))));

        assertThatThrownBy(() -> broker.submit(buy())).isInstanceOf(ProviderUnavailableException.class);
        OrderAck redelivered = broker.submit(buy());

        assertThat(redelivered.state()).isEqualTo(OrderAck.State.FILLED);
        ALPACA.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
    }

    @Test
    void truncatedJsonAfterAPostIsBadDataAndTheRedeliveryFindsTheOrder() {
        ALPACA.stubFor(get(urlEqualTo(BY_ID)).inScenario("cut").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(404)));
        ALPACA.stubFor(post(urlEqualTo("/v2/orders")).inScenario("cut").willSetStateTo("placed")
                .willReturn(aResponse().withStatus(200).withBody("{\"id\": \"61e69015\", \"client_order_id\": \"zt-")));
        ALPACA.stubFor(get(urlEqualTo(BY_ID)).inScenario("cut").whenScenarioStateIs("placed")
                .willReturn(aResponse().withStatus(200).withBody(order("filled", "4.2", "238.10"))));

        assertThatThrownBy(() -> broker.submit(buy())).isInstanceOf(ProviderDataException.class)
                .hasMessageContaining("not JSON");
        assertThat(broker.submit(buy()).state()).isEqualTo(OrderAck.State.FILLED);
        ALPACA.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
    }

    @Test
    void anHtmlErrorPageIsBadDataNamedAsSuch() {
        ALPACA.stubFor(get(urlEqualTo("/v2/account")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body><h1>Bad Gateway</h1></body></html>")));

        assertThatThrownBy(() -> broker.account()).isInstanceOf(ProviderDataException.class)
                .hasMessageContaining("/v2/account").hasMessageContaining("not JSON").hasMessageContaining("<html>");
    }

    @Test
    void readsTheAccountWithMoneyAsStrings() {
        ALPACA.stubFor(get(urlEqualTo("/v2/account")).willReturn(aResponse().withStatus(200).withBody("""
                {"id": "a1", "status": "ACTIVE", "cash": "25000.50", "equity": "30000", "buying_power": "50001.00",
                 "portfolio_value": "30000", "trading_blocked": false, "account_blocked": false, "pattern_day_trader": false}
                """)));
        Account account = broker.account();
        assertThat(account.cash()).isEqualByComparingTo("25000.50");
        assertThat(account.buyingPower()).isEqualByComparingTo("50001.00");
        assertThat(account.tradingBlocked()).isFalse();
    }

    @Test
    void aStringWhereANumberBelongsIsBadData() {
        ALPACA.stubFor(get(urlEqualTo("/v2/account")).willReturn(aResponse().withStatus(200).withBody("""
                {"cash": "lots", "equity": "30000", "buying_power": "50000"}""")));
        assertThatThrownBy(() -> broker.account()).isInstanceOf(ProviderDataException.class)
                .hasMessageContaining("'cash' = 'lots', not a number");
    }

    @Test
    void noPositionIsFlatAndCryptoPositionsAreKeyedWithoutTheSlash() {
        ALPACA.stubFor(get(urlPathEqualTo("/v2/positions/TSLA")).willReturn(aResponse().withStatus(404)
                .withBody("{\"code\":40410000,\"message\":\"position does not exist\"}")));
        ALPACA.stubFor(get(urlPathEqualTo("/v2/positions/BTCUSD")).willReturn(aResponse().withStatus(200).withBody("""
                {"symbol": "BTCUSD", "qty": "0.05", "avg_entry_price": "95000", "market_value": "4850", "unrealized_pl": "100"}""")));

        assertThat(broker.position("TSLA")).isEmpty();
        assertThat(broker.position("BTC/USD")).hasValueSatisfying(p -> assertThat(p.qty()).isEqualByComparingTo("0.05"));
    }
}
