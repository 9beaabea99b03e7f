package io.ztrade.provider;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * CoinGecko, the fallback price for crypto agents when Alpaca's crypto quotes fail; from COINGECKO_API_KEY and
 * COINGECKO_BASE_URL. The demo key goes in the {@code x-cg-demo-api-key} header, never in a URL.
 *
 * @param apiKey  demo API key; optional (the public API answers without one, at a lower rate limit)
 * @param baseUrl blank means api.coingecko.com when Alpaca is real, else the built-in simulator
 */
@ConfigurationProperties("ztrade.coingecko")
public record CoinGeckoProperties(String apiKey, String baseUrl) {

    public static final String URL = "https://api.coingecko.com";

    public boolean hasKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "CoinGeckoProperties[apiKey=" + (hasKey() ? "****" : "unset") + ", baseUrl=" + baseUrl + "]";
    }
}
