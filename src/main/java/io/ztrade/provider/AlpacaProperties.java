package io.ztrade.provider;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alpaca keys and base URLs, from ALPACA_API_KEY, ALPACA_SECRET_KEY, ALPACA_BASE_URL and ALPACA_DATA_URL.
 * Without keys and URLs the agents trade on the built-in simulator.
 *
 * @param baseUrl            trading API; blank means the paper URL when keys are set, else the simulator
 * @param dataUrl            market data API; blank means Alpaca's data URL when keys are set, else the simulator
 * @param requestsPerMinute  the account's limit, shared by every agent and every Alpaca call (defaults to 200)
 * @param clockTtl           how long one answer of {@code /v2/clock} is reused (defaults to 30 seconds)
 */
@ConfigurationProperties("ztrade.alpaca")
public record AlpacaProperties(String apiKey, String secretKey, String baseUrl, String dataUrl,
                               @DefaultValue("200") int requestsPerMinute,
                               @DefaultValue("30s") Duration clockTtl) {

    public static final String PAPER_URL = "https://paper-api.alpaca.markets";
    public static final String LIVE_HOST = "api.alpaca.markets";
    public static final String DATA_URL = "https://data.alpaca.markets";

    @ConstructorBinding
    public AlpacaProperties {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("ztrade.alpaca.requests-per-minute must be at least 1, got "
                    + requestsPerMinute + "; Alpaca allows 200 per account");
        }
    }

    /** Convenience for tests and tools: keys and URLs, default limits. */
    public AlpacaProperties(String apiKey, String secretKey, String baseUrl, String dataUrl) {
        this(apiKey, secretKey, baseUrl, dataUrl, 200, Duration.ofSeconds(30));
    }

    public boolean hasKeys() {
        return apiKey != null && !apiKey.isBlank() && secretKey != null && !secretKey.isBlank();
    }

    /** Whether the trading URL is Alpaca's live (real money) API rather than paper or a stub. */
    public static boolean isLive(String tradingUrl) {
        if (tradingUrl == null || tradingUrl.isBlank()) {
            return false;
        }
        try {
            String host = URI.create(tradingUrl.trim()).getHost();
            return host != null && host.equalsIgnoreCase(LIVE_HOST);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Keys never reach a log line, an error page or a console. */
    @Override
    public String toString() {
        return "AlpacaProperties[apiKey=" + (hasKeys() ? "****" : "unset") + ", baseUrl=" + baseUrl + ", dataUrl=" + dataUrl
                + ", requestsPerMinute=" + requestsPerMinute + "]";
    }
}
