package io.ztrade.production;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentRun;
import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.steps.RedisIdempotentRepository;
import io.ztrade.broker.OrderSide;
import io.ztrade.provider.ProviderCache;
import io.ztrade.provider.RedisProviderCache;
import io.ztrade.risk.RiskVerdict;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Redis configured but down (a closed port): the provider cache passes through, and a client order id submitted
 * twice reaches the broker, whose client_order_id check refuses the second order: never two orders.
 */
@io.ztrade.MostlyWaits
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RedisDownTest {

    private static final AlpacaStub ALPACA = new AlpacaStub();

    @Autowired
    private ProviderCache cache;
    @Autowired
    private IdempotentRepository orderIds;
    @Autowired
    private ProducerTemplate producer;
    @Autowired
    private AgentCatalog catalog;

    @DynamicPropertySource
    static void redisDown(DynamicPropertyRegistry registry) {
        registry.add("ztrade.redis.url", () -> "redis://127.0.0.1:" + ProductionServices.closedPort());
        registry.add("ztrade.redis.timeout", () -> "500ms");
        registry.add("ztrade.alpaca.base-url", ALPACA::url);
        registry.add("ztrade.alphavantage.base-url", ALPACA::url);
    }

    @BeforeAll
    static void brokerRefusesASecondOrderWithTheSameClientOrderId() {
        ALPACA.server.stubFor(post(urlPathEqualTo("/v2/orders")).inScenario("orders")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("placed")
                .willReturn(AlpacaStub.json(AlpacaStub.ORDER.replace("{{randomValue type='UUID'}}", "broker-1"))));
        ALPACA.server.stubFor(post(urlPathEqualTo("/v2/orders")).inScenario("orders").whenScenarioStateIs("placed")
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 40010001, \"message\": \"client_order_id must be unique\"}")));
        // the broker knows the order only once it was placed; before that a look-up finds nothing
        ALPACA.server.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).inScenario("orders")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 40410000, \"message\": \"order not found\"}")));
        ALPACA.server.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).inScenario("orders")
                .whenScenarioStateIs("placed").willReturn(AlpacaStub.json("""
                {"id": "broker-1", "client_order_id": "zt-test_crypto-1795641600", "symbol": "BTC/USD", "side": "buy",
                 "qty": null, "notional": "100", "status": "accepted", "filled_qty": "0",
                 "submitted_at": "2026-11-25T21:00:00Z"}
                """)));
    }

    @AfterAll
    static void stopBroker() {
        ALPACA.close();
    }

    @Test
    void theProviderCachePassesThrough() {
        assertThat(cache).isInstanceOf(RedisProviderCache.class);
        cache.put("alphavantage:TSLA", "{\"score\":0.3}", Duration.ofMinutes(15));
        assertThat(cache.get("alphavantage:TSLA")).isEmpty();
    }

    @Test
    void anOrderSubmittedTwiceIsPlacedOnceByTheBroker() {
        assertThat(orderIds).isInstanceOf(RedisIdempotentRepository.class);
        AgentRun approved = AgentRun.start(catalog.get("test_crypto"), RunTrigger.SCHEDULE, true,
                        Instant.ofEpochSecond(1795641600L), Instant.now())
                .withRisk(new RiskVerdict(RiskVerdict.Outcome.APPROVED, List.of(), OrderSide.BUY, null,
                        new BigDecimal("100")));

        AgentRun first = producer.requestBody("direct:submitOrder", approved, AgentRun.class);
        AgentRun second = producer.requestBody("direct:submitOrder", approved, AgentRun.class);

        assertThat(first.order().brokerOrderId()).isEqualTo("broker-1");
        assertThat(second.order().brokerOrderId()).isEqualTo("broker-1");
        // without Redis the second attempt is stopped by the broker's record of the id (looked up before any POST)
        assertThat(ALPACA.postedClientOrderIds()).containsExactly("zt-test_crypto-1795641600");
    }
}
