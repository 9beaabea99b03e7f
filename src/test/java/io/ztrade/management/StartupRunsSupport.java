package io.ztrade.management;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.ztrade.PipelineTestSupport;
import io.ztrade.records.PerformanceStore;
import io.ztrade.records.RunRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The start-up runs of the test agents against a WireMock Alpaca trading API, stubbed before the context starts (the
 * start-up runs fire as it does): an open account, no position, an order filled at once. Bullish news (the
 * {@link PipelineTestSupport} stub) and the simulator's crypto market make test_crypto's run a BUY of $1000.
 */
@ActiveProfiles("test")
abstract class StartupRunsSupport {

    static final WireMockServer ALPACA = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .globalTemplating(true));
    static final WireMockServer NEWS = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @Autowired
    PerformanceStore store;

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) {
        if (!ALPACA.isRunning()) {
            ALPACA.start();
            NEWS.start();
        }
        ALPACA.resetAll();
        ALPACA.stubFor(get(urlEqualTo("/v2/account")).willReturn(json("""
                {"id": "a1", "status": "ACTIVE", "cash": "100000", "equity": "100000", "buying_power": "100000",
                 "portfolio_value": "100000", "trading_blocked": false, "account_blocked": false}""")));
        ALPACA.stubFor(get(urlPathMatching("/v2/positions/.*")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":40410000,\"message\":\"position does not exist\"}")));
        ALPACA.stubFor(post(urlEqualTo("/v2/orders")).willReturn(json("""
                {"id": "{{randomValue type='UUID'}}", "client_order_id": "{{jsonPath request.body '$.client_order_id'}}",
                 "symbol": "{{jsonPath request.body '$.symbol'}}", "side": "buy", "type": "market", "notional": "1000",
                 "status": "filled", "filled_qty": "0.0153", "filled_avg_price": "65000", "submitted_at": "2026-11-25T15:00:01Z"}""")));
        NEWS.resetAll();
        NEWS.stubFor(get(urlPathEqualTo("/query")).willReturn(json(PipelineTestSupport.BULLISH_NEWS)));
        registry.add("ztrade.alpaca.base-url", ALPACA::baseUrl);
        registry.add("ztrade.alphavantage.base-url", NEWS::baseUrl);
    }

    @AfterAll
    static void stopStubs() {
        ALPACA.stop();
        NEWS.stop();
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The start-up run of each test agent, once both are recorded. */
    List<RunRecord> startupRuns() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> store.latest(null, 50)
                .stream().filter(r -> r.trigger().equals("STARTUP")).count() >= 2);
        return store.latest(null, 50).stream().filter(r -> r.trigger().equals("STARTUP")).toList();
    }

    RunRecord crypto(List<RunRecord> runs) {
        return runs.stream().filter(r -> r.agentId().equals("test_crypto")).findFirst().orElseThrow();
    }
}
