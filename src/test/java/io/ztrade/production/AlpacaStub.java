package io.ztrade.production;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import io.ztrade.PipelineTestSupport;
import java.util.List;

/**
 * WireMock as Alpaca's trading API (ztrade.alpaca.base-url), its crypto market data (ztrade.alpaca.data-url) and as
 * Alpha Vantage (bullish news, so: BUY).
 */
final class AlpacaStub implements AutoCloseable {

    static final String ORDER = """
            {"id": "{{randomValue type='UUID'}}", "client_order_id": "{{jsonPath request.body '$.client_order_id'}}",
             "symbol": "{{jsonPath request.body '$.symbol'}}", "side": "{{jsonPath request.body '$.side'}}",
             "status": "accepted", "filled_qty": "0", "submitted_at": "2026-11-25T21:00:00Z"}
            """;

    final WireMockServer server;
    private final ObjectMapper mapper = new ObjectMapper();

    AlpacaStub() {
        this(new Extension[0]);
    }

    /** With WireMock extensions, e.g. {@link StatefulAlpacaStub}'s trading API with memory. */
    AlpacaStub(Extension... extensions) {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().globalTemplating(true)
                .extensions(extensions));
        server.start();
        server.stubFor(get(urlPathEqualTo("/query")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(PipelineTestSupport.BULLISH_NEWS)));
        server.stubFor(get(urlPathEqualTo("/v2/account")).willReturn(json("""
                {"cash": "1000000", "equity": "1000000", "buying_power": "1000000",
                 "trading_blocked": false, "account_blocked": false}
                """)));
        server.stubFor(get(urlPathMatching("/v2/positions/.*")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"position does not exist\"}")));
        server.stubFor(post(urlPathEqualTo("/v2/orders")).willReturn(json(ORDER)));
        // crypto market data (ztrade.alpaca.data-url): the production profile has no simulator to ask
        server.stubFor(get(urlPathEqualTo("/v1beta3/crypto/us/latest/quotes")).willReturn(json("""
                {"quotes": {"BTC/USD": {"t": "{{now}}", "bp": 64990, "ap": 65010, "bs": 1, "as": 1}}}
                """)));
        server.stubFor(get(urlPathEqualTo("/v1beta3/crypto/us/bars")).willReturn(json(cryptoBars(200))));
    }

    /** Hourly BTC/USD bars up to now, newest first (as asked with sort=desc), a gentle rise; plain JSON, no template. */
    private static String cryptoBars(int count) {
        java.time.Instant newest = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        StringBuilder bars = new StringBuilder("{\"bars\": {\"BTC/USD\": [");
        for (int i = 0; i < count; i++) {
            double close = 65000 - i * 5;
            bars.append(i == 0 ? "" : ",").append("{\"t\": \"").append(newest.minusSeconds(3600L * i)).append("\", \"o\": ")
                    .append(close - 2).append(", \"h\": ").append(close + 10).append(", \"l\": ").append(close - 10)
                    .append(", \"c\": ").append(close).append(", \"v\": 12.5}");
        }
        return bars.append("]}, \"next_page_token\": null}").toString();
    }

    String url() {
        return server.baseUrl();
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The client order id of every order POSTed, in order. */
    List<String> postedClientOrderIds() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/v2/orders"))).stream().map(request -> {
            try {
                return mapper.readTree(request.getBodyAsString()).path("client_order_id").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}
