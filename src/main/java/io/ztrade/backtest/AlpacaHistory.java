package io.ztrade.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.agent.AgentSettings;
import io.ztrade.market.AssetClass;
import io.ztrade.market.Bar;
import io.ztrade.provider.AlpacaClient;
import io.ztrade.provider.HttpReply;
import io.ztrade.provider.ProviderEndpoints;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Bars from Alpaca's historical bars API, oldest first, 10,000 a page, following {@code next_page_token}: the
 * stocks v2 endpoint on the IEX feed, or crypto v1beta3. Goes through the same {@link ProviderHttp} and keys as the
 * live market data; it needs Alpaca keys, since the built-in simulator has no
 * history.
 */
public final class AlpacaHistory implements HistorySource {

    private static final int PAGE = 10_000;
    private static final int MAX_PAGES = 1_000;

    private final AlpacaClient alpaca;
    private final ProviderEndpoints endpoints;
    private final ObjectMapper mapper;

    /** Goes through the live {@link AlpacaClient}: the same auth headers and the account's shared rate gate. */
    public AlpacaHistory(AlpacaClient alpaca, ProviderEndpoints endpoints, ObjectMapper mapper) {
        this.alpaca = alpaca;
        this.endpoints = endpoints;
        this.mapper = mapper;
    }

    @Override
    public PriceHistory load(AgentSettings agent, Instant from, Instant to) {
        if (!endpoints.usesRealAlpaca()) {
            throw new IllegalArgumentException("source 'alpaca' needs ALPACA_API_KEY and ALPACA_SECRET_KEY; "
                    + "the built-in simulator has no history: use source 'synthetic' or 'csv'");
        }
        boolean crypto = agent.assetClass() == AssetClass.CRYPTO;
        String url = crypto
                ? endpoints.alpacaData() + "/v1beta3/crypto/us/bars?symbols=" + encode(agent.symbol())
                : endpoints.alpacaData() + "/v2/stocks/" + encode(agent.symbol()) + "/bars?feed=iex&adjustment=all";
        url += "&timeframe=" + encode(agent.barTimeframe()) + "&start=" + encode(from.toString()) + "&end="
                + encode(to.toString()) + "&limit=" + PAGE + "&sort=asc";
        List<Bar> bars = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            HttpReply reply = alpaca.get(url + (token == null ? "" : "&page_token=" + encode(token)));
            if (!reply.ok()) {
                throw new IllegalArgumentException(reply.target() + " answered HTTP " + reply.status() + " for "
                        + agent.symbol() + " bars: " + (reply.body() == null ? "" : reply.body()));
            }
            JsonNode body = reply.json(mapper);
            JsonNode list = crypto ? body.path("bars").path(agent.symbol()) : body.path("bars");
            for (JsonNode b : list) {
                Instant t = OffsetDateTime.parse(b.path("t").asText()).toInstant();
                if (t.isBefore(to)) {
                    bars.add(new Bar(t, b.path("o").asDouble(), b.path("h").asDouble(), b.path("l").asDouble(),
                            b.path("c").asDouble(), b.path("v").asDouble()));
                }
            }
            token = body.path("next_page_token").isTextual() ? body.get("next_page_token").asText() : null;
            if (token == null || token.isBlank()) {
                break;
            }
        }
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("Alpaca has no " + agent.barTimeframe() + " bars of " + agent.symbol()
                    + " between " + from + " and " + to);
        }
        return new PriceHistory(agent.symbol(), PriceHistory.timeframe(agent.barTimeframe()), bars);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
