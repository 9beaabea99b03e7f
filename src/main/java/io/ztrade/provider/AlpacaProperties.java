package io.ztrade.provider;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Alpaca keys and base URLs, from ALPACA_API_KEY, ALPACA_SECRET_KEY, ALPACA_BASE_URL and ALPACA_DATA_URL.
 * Without keys and URLs the agents trade on the built-in simulator.
 *
 * @param baseUrl  trading API; blank means the paper URL when keys are set, else the simulator
 * @param dataUrl  market data API; blank means Alpaca's data URL when keys are set, else the simulator
 */
@ConfigurationProperties("ztrade.alpaca")
public record AlpacaProperties(String apiKey, String secretKey, String baseUrl, String dataUrl) {

    public static final String PAPER_URL = "https://paper-api.alpaca.markets";
    public static final String DATA_URL = "https://data.alpaca.markets";

    public boolean hasKeys() {
        return apiKey != null && !apiKey.isBlank() && secretKey != null && !secretKey.isBlank();
    }

    /** Keys never reach a log line, an error page or a console. */
    @Override
    public String toString() {
        return "AlpacaProperties[apiKey=" + (hasKeys() ? "****" : "unset") + ", baseUrl=" + baseUrl + ", dataUrl=" + dataUrl + "]";
    }
}
