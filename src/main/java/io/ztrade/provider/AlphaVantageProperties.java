package io.ztrade.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alpha Vantage NEWS_SENTIMENT settings, from ALPHAVANTAGE_API_KEY and ALPHAVANTAGE_BASE_URL.
 *
 * @param cacheTtl how long one ticker's news sentiment is reused; the free key allows about 25 calls a day,
 *                 so an agent firing every 5 minutes must not call it every time (defaults to 15 minutes)
 */
@ConfigurationProperties("ztrade.alphavantage")
public record AlphaVantageProperties(String apiKey, String baseUrl, @DefaultValue("15m") Duration cacheTtl) {

    public static final String URL = "https://www.alphavantage.co";

    public boolean hasKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "AlphaVantageProperties[apiKey=" + (hasKey() ? "****" : "unset") + ", baseUrl=" + baseUrl
                + ", cacheTtl=" + cacheTtl + "]";
    }
}
