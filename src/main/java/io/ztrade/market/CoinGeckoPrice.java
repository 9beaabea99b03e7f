package io.ztrade.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.provider.CoinGeckoProperties;
import io.ztrade.provider.HttpReply;
import io.ztrade.provider.Json;
import io.ztrade.provider.ProviderEndpoints;
import io.ztrade.provider.ProviderHttp;
import io.ztrade.provider.ProviderUnavailableException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * CoinGecko's {@code /api/v3/simple/price}: the fallback USD price of a crypto agent's coin when Alpaca's crypto
 * quotes fail. The demo key travels in the {@code x-cg-demo-api-key} header, never in the URL.
 */
@Component
public class CoinGeckoPrice {

    /** Alpaca crypto symbol to CoinGecko coin id. */
    static final Map<String, String> COIN_IDS = Map.of("BTC/USD", "bitcoin", "ETH/USD", "ethereum");

    private final ProviderHttp http;
    private final ProviderEndpoints endpoints;
    private final CoinGeckoProperties properties;
    private final ObjectMapper mapper;

    public CoinGeckoPrice(ProviderHttp http, ProviderEndpoints endpoints, CoinGeckoProperties properties, ObjectMapper mapper) {
        this.http = http;
        this.endpoints = endpoints;
        this.properties = properties;
        this.mapper = mapper;
    }

    /** A price and when CoinGecko last updated it. */
    public record Price(double usd, Instant updatedAt) {
    }

    public boolean covers(String symbol) {
        return COIN_IDS.containsKey(symbol);
    }

    public Price price(String symbol) {
        String id = Optional.ofNullable(COIN_IDS.get(symbol)).orElseThrow(() -> new BadMarketDataException(
                "coingecko: no coin id known for " + symbol + "; known: " + COIN_IDS.keySet()));
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "application/json");
        if (properties.hasKey()) {
            headers.put("x-cg-demo-api-key", properties.apiKey());
        }
        HttpReply reply = http.get(endpoints.coinGecko() + "/api/v3/simple/price?ids=" + id
                + "&vs_currencies=usd&include_last_updated_at=true", headers);
        if (reply.status() == 429) {
            throw new ProviderUnavailableException(reply.target() + " answered HTTP 429: CoinGecko rate limit reached");
        }
        if (!reply.ok()) {
            throw new BadMarketDataException(reply.target() + " answered HTTP " + reply.status());
        }
        JsonNode coin = Json.required(reply.json(mapper), id, reply.target());
        double usd = Json.number(coin, "usd", reply.target());
        if (!(usd > 0)) {
            throw new BadMarketDataException(reply.target() + " sent usd " + usd + " for " + id + "; a price must be positive");
        }
        JsonNode updated = coin.get("last_updated_at");
        Instant updatedAt = updated != null && updated.canConvertToLong() ? Instant.ofEpochSecond(updated.asLong()) : Instant.now();
        return new Price(usd, updatedAt);
    }
}
