package io.ztrade.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.ztrade.PipelineTestSupport;
import io.ztrade.records.RunRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Provider outages through the real route: Alpaca's market data answering 500 opens its circuit breaker, after which
 * runs are recorded FAILED at once without calling Alpaca; a news outage only degrades the run.
 */
@io.ztrade.MostlyWaits
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProviderOutagePipelineTest extends PipelineTestSupport {

    @RegisterExtension
    static final WireMockExtension DATA = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @DynamicPropertySource
    static void dataUrl(DynamicPropertyRegistry registry) {
        registry.add("ztrade.alpaca.data-url", DATA::baseUrl);
        // the breaker opens after 4 calls of which half failed, and stays open for the test
        registry.add("ztrade.resilience.sliding-window-size", () -> "4");
        registry.add("ztrade.resilience.minimum-calls", () -> "4");
        registry.add("ztrade.resilience.wait-in-open", () -> "1h");
    }

    @Test
    void anAlpacaDataOutageOpensTheBreakerAndLaterRunsFailWithoutCallingIt() {
        DATA.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500).withBody("{\"message\": \"internal server error\"}")));

        RunRecord first = forcedRunInItsOwnSecond("test_stock");
        assertThat(first.status()).isEqualTo("FAILED");
        assertThat(first.error()).contains("HTTP 500");
        // one call per attempt: the first try and two redeliveries
        DATA.verify(3, anyRequestedFor(anyUrl()));

        forcedRunInItsOwnSecond("test_stock");
        assertThat(breakers.circuitBreaker(ProviderCircuitBreakers.ALPACA_DATA).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        DATA.resetRequests();

        RunRecord cutOff = forcedRunInItsOwnSecond("test_stock");
        assertThat(cutOff.status()).isEqualTo("FAILED");
        assertThat(cutOff.error()).contains("CallNotPermittedException").contains(ProviderCircuitBreakers.ALPACA_DATA);
        DATA.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aNewsOutageDegradesTheRunInsteadOfFailingIt() {
        DATA.stubFor(get(urlPathMatching("/v2/stocks/TSLA/(trades|quotes)/latest")).willReturn(aResponse().withStatus(200)
                .withBody("""
                        {"symbol": "TSLA", "trade": {"t": "%1$s", "p": 238.05, "s": 100},
                         "quote": {"t": "%1$s", "bp": 238.0, "ap": 238.1, "bs": 1, "as": 1}}""".formatted(Instant.now()))));
        DATA.stubFor(get(urlPathEqualTo("/v2/stocks/TSLA/bars")).willReturn(aResponse().withStatus(200)
                .withBody("{\"bars\": [], \"symbol\": \"TSLA\", \"next_page_token\": null}")));
        NEWS.stubFor(get(urlPathEqualTo("/query")).willReturn(aResponse().withStatus(503).withBody("<html>down</html>")));
        try {
            RunRecord run = forcedRunInItsOwnSecond("test_stock");

            assertThat(run.status()).isNotEqualTo("FAILED");
            assertThat(run.degraded()).isTrue();
            assertThat(run.sentimentUnavailable()).contains("alphavantage").contains("503");
        } finally {
            NEWS.stubFor(get(urlPathEqualTo("/query")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(BULLISH_NEWS)));
        }
    }
}
