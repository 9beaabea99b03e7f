package io.ztrade.backtest;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ztrade.provider.AlpacaClient;
import io.ztrade.provider.AlpacaRateGate;
import io.ztrade.provider.ProviderHttpFixture;
import java.time.Clock;
import io.ztrade.provider.AlpacaProperties;
import io.ztrade.provider.ProviderEndpoints;
import io.ztrade.provider.ProviderHttp;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Alpaca's historical bars, paged with next_page_token, through the same HTTP client as the live market data. */
class AlpacaHistoryTest {

    @RegisterExtension
    final WireMockExtension alpaca = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();
    final DefaultCamelContext camel = new DefaultCamelContext();

    @BeforeEach
    void start() {
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    AlpacaHistory history(String apiKey) {
        AlpacaProperties properties = new AlpacaProperties(apiKey, apiKey == null ? null : "secret", null, alpaca.baseUrl());
        ProviderEndpoints endpoints = ProviderHttpFixture.endpoints(properties, null, null, null);
        ProviderHttp http = new ProviderHttp(camel.createProducerTemplate(), 2000, 5000);
        AlpacaClient client = new AlpacaClient(http, properties,
                new AlpacaRateGate(200, Duration.ofSeconds(5), Clock.systemUTC(), d -> { }));
        return new AlpacaHistory(client, endpoints, new ObjectMapper());
    }

    @Test
    void followsNextPageTokensOldestFirstWithTheKeys() {
        alpaca.stubFor(get(urlPathEqualTo("/v2/stocks/TSLA/bars")).withQueryParam("page_token", absent())
                .willReturn(json("""
                        {"bars": [{"t": "2025-01-02T14:30:00Z", "o": 10, "h": 11, "l": 9, "c": 10.5, "v": 100},
                                  {"t": "2025-01-02T14:35:00Z", "o": 10.5, "h": 12, "l": 10, "c": 11.5, "v": 200}],
                         "symbol": "TSLA", "next_page_token": "page2"}""")));
        alpaca.stubFor(get(urlPathEqualTo("/v2/stocks/TSLA/bars")).withQueryParam("page_token", equalTo("page2"))
                .willReturn(json("""
                        {"bars": [{"t": "2025-01-02T14:40:00Z", "o": 11.5, "h": 12, "l": 11, "c": 11.8, "v": 300}],
                         "symbol": "TSLA", "next_page_token": null}""")));

        PriceHistory bars = history("key").load(HistorySourcesTest.TSLA, Instant.parse("2025-01-02T05:00:00Z"),
                Instant.parse("2025-01-03T05:00:00Z"));

        assertThat(bars.bars()).extracting(b -> b.c()).containsExactly(10.5, 11.5, 11.8);
        alpaca.verify(2, getRequestedFor(urlPathEqualTo("/v2/stocks/TSLA/bars"))
                .withQueryParam("timeframe", equalTo("5Min")).withQueryParam("sort", equalTo("asc"))
                .withQueryParam("start", equalTo("2025-01-02T05:00:00Z")).withQueryParam("end", equalTo("2025-01-03T05:00:00Z"))
                .withHeader("APCA-API-KEY-ID", equalTo("key")));
    }

    @Test
    void withoutKeysItSaysSoInsteadOfAskingTheSimulator() {
        assertThatThrownBy(() -> history(null).load(HistorySourcesTest.TSLA, Instant.EPOCH, Instant.now()))
                .hasMessageContaining("needs ALPACA_API_KEY and ALPACA_SECRET_KEY");
        assertThat(alpaca.getAllServeEvents()).isEmpty();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
