package io.ztrade.market;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ztrade.provider.AlpacaProperties;
import io.ztrade.provider.CoinGeckoProperties;
import io.ztrade.provider.ProviderDataException;
import io.ztrade.provider.ProviderEndpoints;
import io.ztrade.provider.ProviderHttpFixture;
import io.ztrade.provider.ProviderUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Alpaca market data and the CoinGecko fallback over real HTTP against WireMock stubs. */
class AlpacaMarketDataTest {

    @RegisterExtension
    static final WireMockExtension STUB = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();
    @RegisterExtension
    static final ProviderHttpFixture fixture = new ProviderHttpFixture();
    /** Wednesday 2025-11-26 10:00 New York: in session. */
    static final Instant IN_SESSION = Instant.parse("2025-11-26T15:00:00Z");
    /** Thanksgiving: closed. */
    static final Instant HOLIDAY = Instant.parse("2025-11-27T15:00:00Z");

    static final Instrument TSLA = new Instrument("agent_x", "TSLA", AssetClass.US_EQUITY);
    static final Instrument BTC = new Instrument("agent_x", "BTC/USD", AssetClass.CRYPTO);

    private static AlpacaMarketData data(Instant now) {
        AlpacaProperties alpaca = new AlpacaProperties("AK", "SK", STUB.baseUrl(), STUB.baseUrl());
        ProviderEndpoints endpoints = ProviderHttpFixture.endpoints(alpaca, null, new CoinGeckoProperties("CG-demo", STUB.baseUrl()), null);
        ObjectMapper mapper = new ObjectMapper();
        return new AlpacaMarketData(fixture.alpaca(alpaca), endpoints, mapper,
                new CoinGeckoPrice(fixture.http, endpoints, new CoinGeckoProperties("CG-demo", STUB.baseUrl()), mapper),
                new NyseCalendar(), new MarketProperties(Duration.ofMinutes(5)), Clock.fixed(now, ZoneOffset.UTC));
    }

    static String bar(Instant t, double close) {
        return """
                {"t": "%s", "o": %s, "h": %s, "l": %s, "c": %s, "v": 1200, "n": 40, "vw": %s}"""
                .formatted(t, close, close + 1, close - 1, close, close);
    }

    /** Bars newest first, as asked with sort=desc. */
    static String bars(Instant newest, int count, String nextPageToken) {
        StringBuilder json = new StringBuilder("{\"bars\": [");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append(bar(newest.minus(Duration.ofMinutes(5L * i)), 200 + i));
        }
        return json.append("], \"symbol\": \"TSLA\", \"next_page_token\": ")
                .append(nextPageToken == null ? "null" : "\"" + nextPageToken + "\"").append("}").toString();
    }

    private static void stockQuotes(Instant printed, String price) {
        stockQuotes(printed, printed, price);
    }

    private static void stockQuotes(Instant traded, Instant quoted, String price) {
        STUB.stubFor(get(urlPathEqualTo("/v2/stocks/TSLA/trades/latest")).willReturn(aResponse().withStatus(200).withBody("""
                {"symbol": "TSLA", "trade": {"t": "%s", "x": "V", "p": %s, "s": 100, "c": ["@"], "i": 52983525029461, "z": "C"}}"""
                .formatted(traded, price))));
        STUB.stubFor(get(urlPathEqualTo("/v2/stocks/TSLA/quotes/latest")).willReturn(aResponse().withStatus(200).withBody("""
                {"symbol": "TSLA", "quote": {"t": "%s", "ax": "V", "ap": 238.12, "as": 4, "bx": "V", "bp": 238.02, "bs": 3, "c": ["R"], "z": "C"}}"""
                .formatted(quoted))));
    }

    @Test
    void anOldTradeWithACurrentQuoteIsNotStale() {
        stockQuotes(IN_SESSION.minus(Duration.ofMinutes(20)), IN_SESSION.minusSeconds(3), "238.05");
        STUB.stubFor(get(urlPathEqualTo("/v2/stocks/TSLA/bars")).willReturn(aResponse().withStatus(200)
                .withBody(bars(IN_SESSION.minus(Duration.ofMinutes(20)), 30, null))));
        assertThat(data(IN_SESSION).snapshot(TSLA, "5Min", 100).price()).isEqualTo(238.05);
    }

    @Test
    void readsTradeQuoteAndPagesBarsUntilTheTokenIsNull() {
        stockQuotes(IN_SESSION.minusSeconds(5), "238.05");
        Instant newest = IN_SESSION.minus(Duration.ofMinutes(5));
        STUB.stubFor(get(urlPathEqualTo("/v2/stocks/TSLA/bars")).withQueryParam("page_token", absent())
                .willReturn(aResponse().withStatus(200).withBody(bars(newest, 60, "page2"))));
        STUB.stubFor(get(urlPathEqualTo("/v2/stocks/TSLA/bars")).withQueryParam("page_token", equalTo("page2"))
                .willReturn(aResponse().withStatus(200).withBody(bars(newest.minus(Duration.ofMinutes(300)), 40, null))));

        MarketSnapshot snapshot = data(IN_SESSION).snapshot(TSLA, "5Min", 100);

        assertThat(snapshot.price()).isEqualTo(238.05);
        assertThat(snapshot.bid()).isEqualTo(238.02);
        assertThat(snapshot.ask()).isEqualTo(238.12);
        assertThat(snapshot.bars()).hasSize(100);
        assertThat(snapshot.bars().get(99).t()).isEqualTo(newest);
        assertThat(snapshot.bars().get(0).t()).isBefore(snapshot.bars().get(1).t());
        STUB.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/TSLA/bars")).withQueryParam("feed", equalTo("iex"))
                .withQueryParam("limit", equalTo("40")).withQueryParam("page_token", equalTo("page2"))
                .withHeader("APCA-API-KEY-ID", equalTo("AK")));
    }

    @Test
    void barsOutOfOrderAreBadData() {
        stockQuotes(IN_SESSION.minusSeconds(5), "238.05");
        Instant t = IN_SESSION.minus(Duration.ofMinutes(5));
        STUB.stubFor(get(urlPathEqualTo("/v2/stocks/TSLA/bars")).willReturn(aResponse().withStatus(200).withBody(
                "{\"bars\": [" + bar(t.minus(Duration.ofMinutes(5)), 200) + "," + bar(t, 201) + "], \"next_page_token\": null}")));

        assertThatThrownBy(() -> data(IN_SESSION).snapshot(TSLA, "5Min", 100)).isInstanceOf(BadMarketDataException.class)
                .hasMessageContaining("out of order");
    }

    @Test
    void zeroNegativeAndNanPricesAreBadData() {
        for (String price : List.of("0", "-5.2", "\"NaN\"")) {
            STUB.resetAll();
            stockQuotes(IN_SESSION.minusSeconds(5), price);
            assertThatThrownBy(() -> data(IN_SESSION).snapshot(TSLA, "5Min", 100)).as(price).isInstanceOf(ProviderDataException.class)
                    .hasMessageContaining("trades/latest");
        }
    }

    @Test
    void aStringWhereAPriceBelongsIsBadData() {
        stockQuotes(IN_SESSION.minusSeconds(5), "\"two hundred\"");
        assertThatThrownBy(() -> data(IN_SESSION).snapshot(TSLA, "5Min", 100)).isInstanceOf(ProviderDataException.class)
                .hasMessageContaining("'p' = 'two hundred', not a number");
    }

    @Test
    void missingFieldsHtmlPagesAndTruncatedJsonAreBadData() {
        STUB.stubFor(get(urlPathEqualTo("/v2/stocks/TSLA/trades/latest")).willReturn(aResponse().withStatus(200)
                .withBody("{\"symbol\": \"TSLA\"}")));
        assertThatThrownBy(() -> data(IN_SESSION).snapshot(TSLA, "5Min", 100)).hasMessageContaining("without 'trade'");

        STUB.stubFor(get(urlPathEqualTo("/v2/stocks/TSLA/trades/latest")).willReturn(aResponse().withStatus(200)
                .withBody("<!DOCTYPE html><html><body>Gateway Timeout</body></html>")));
        assertThatThrownBy(() -> data(IN_SESSION).snapshot(TSLA, "5Min", 100)).isInstanceOf(ProviderDataException.class)
                .hasMessageContaining("not JSON");

        STUB.stubFor(get(urlPathEqualTo("/v2/stocks/TSLA/trades/latest")).willReturn(aResponse().withStatus(200)
                .withBody("{\"symbol\": \"TSLA\", \"trade\": {\"t\": \"2025-11-26T14:59:55Z\", \"p\": 23")));
        assertThatThrownBy(() -> data(IN_SESSION).snapshot(TSLA, "5Min", 100)).isInstanceOf(ProviderDataException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void aStaleQuoteInSessionIsBadDataButAnOldOneOnAHolidayIsExpected() {
        Instant old = IN_SESSION.minus(Duration.ofMinutes(6));
        stockQuotes(old, "238.05");
        STUB.stubFor(get(urlPathEqualTo("/v2/stocks/TSLA/bars")).willReturn(aResponse().withStatus(200)
                .withBody(bars(old, 30, null))));

        assertThatThrownBy(() -> data(IN_SESSION).snapshot(TSLA, "5Min", 100)).isInstanceOf(BadMarketDataException.class)
                .hasMessageContaining("360 s old").hasMessageContaining("ztrade.market.max-quote-age");
        assertThat(data(HOLIDAY).snapshot(TSLA, "5Min", 100).price()).isEqualTo(238.05);
    }

    @Test
    void aServerErrorIsUnavailable() {
        STUB.stubFor(get(urlPathEqualTo("/v2/stocks/TSLA/trades/latest")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> data(IN_SESSION).snapshot(TSLA, "5Min", 100)).isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void aRateLimitIsUnavailableAndNamesTheReset() {
        STUB.stubFor(get(urlPathEqualTo("/v2/stocks/TSLA/trades/latest")).willReturn(aResponse().withStatus(429)
                .withHeader("X-Ratelimit-Limit", "200").withHeader("X-Ratelimit-Remaining", "0")
                .withHeader("X-Ratelimit-Reset", "1764169260").withBody("{\"message\": \"too many requests.\"}")));
        assertThatThrownBy(() -> data(IN_SESSION).snapshot(TSLA, "5Min", 100)).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("HTTP 429").hasMessageContaining("1764169260");
    }

    private static void cryptoBars() {
        STUB.stubFor(get(urlPathEqualTo("/v1beta3/crypto/us/bars")).withQueryParam("symbols", equalTo("BTC/USD"))
                .willReturn(aResponse().withStatus(200).withBody("""
                        {"bars": {"BTC/USD": [%s, %s]}, "next_page_token": null}"""
                        .formatted(bar(IN_SESSION.minusSeconds(3600), 97000), bar(IN_SESSION.minusSeconds(7200), 96500)))));
    }

    @Test
    void cryptoIsPricedAtTheQuoteMid() {
        cryptoBars();
        STUB.stubFor(get(urlPathEqualTo("/v1beta3/crypto/us/latest/quotes")).willReturn(aResponse().withStatus(200).withBody("""
                {"quotes": {"BTC/USD": {"ap": 97010.5, "as": 0.5, "bp": 96990.5, "bs": 0.4, "t": "%s"}}}"""
                .formatted(IN_SESSION.minusSeconds(2)))));

        MarketSnapshot snapshot = data(IN_SESSION).snapshot(BTC, "5Min", 100);

        assertThat(snapshot.price()).isEqualTo(97000.5);
        assertThat(snapshot.source()).isEqualTo("alpaca");
        assertThat(snapshot.bars()).extracting(Bar::c).containsExactly(96500.0, 97000.0);
    }

    @Test
    void whenAlpacasCryptoQuoteFailsCoinGeckoPricesBitcoin() {
        cryptoBars();
        STUB.stubFor(get(urlPathEqualTo("/v1beta3/crypto/us/latest/quotes")).willReturn(aResponse().withStatus(500)));
        STUB.stubFor(get(urlPathEqualTo("/api/v3/simple/price")).withQueryParam("ids", equalTo("bitcoin"))
                .withQueryParam("vs_currencies", equalTo("usd")).withHeader("x-cg-demo-api-key", equalTo("CG-demo"))
                .willReturn(aResponse().withStatus(200).withBody("""
                        {"bitcoin": {"usd": 97000.12, "last_updated_at": %d}}""".formatted(IN_SESSION.getEpochSecond() - 30))));

        MarketSnapshot snapshot = data(IN_SESSION).snapshot(BTC, "5Min", 100);

        assertThat(snapshot.price()).isEqualTo(97000.12);
        assertThat(snapshot.source()).isEqualTo("coingecko");
    }

    @Test
    void whenBothFailTheRunFailsWithCoinGeckosReason() {
        cryptoBars();
        STUB.stubFor(get(urlPathEqualTo("/v1beta3/crypto/us/latest/quotes")).willReturn(aResponse().withStatus(200)
                .withBody("{\"quotes\": {}}")));
        STUB.stubFor(get(urlPathEqualTo("/api/v3/simple/price")).willReturn(aResponse().withStatus(429)
                .withBody("{\"status\": {\"error_code\": 429, \"error_message\": \"You've exceeded the Rate Limit.\"}}")));

        assertThatThrownBy(() -> data(IN_SESSION).snapshot(BTC, "5Min", 100)).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("CoinGecko rate limit");
    }
}
