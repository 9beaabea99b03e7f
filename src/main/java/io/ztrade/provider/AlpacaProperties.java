package io.ztrade.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Pattern;
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
    public static final String PAPER_HOST = "paper-api.alpaca.markets";
    public static final String LIVE_HOST = "api.alpaca.markets";
    private static final Pattern LOOPBACK_V4 =
            Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
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

    /**
     * Whether orders sent to this trading URL may move real money. Decided by allow-list, never by matching the live
     * host: only Alpaca's paper host (https or http, no port, no user info) and loopback hosts (the built-in
     * simulator, local stubs) are paper; a trailing dot, an IP, an alias, a port, user info, another scheme or an
     * unparseable URL are live. Blank means the default (paper with keys, else the simulator).
     */
    public static boolean isLive(String tradingUrl) {
        if (tradingUrl == null || tradingUrl.isBlank()) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(tradingUrl.trim());
        } catch (URISyntaxException e) {
            return true;
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (scheme == null || host == null || uri.getRawUserInfo() != null
                || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
            return true;
        }
        if (isLoopback(host)) {
            return false;
        }
        // host names are case-insensitive, so Paper-API.alpaca.markets is the same paper host
        return !(host.equalsIgnoreCase(PAPER_HOST) && uri.getPort() == -1);
    }

    /**
     * A loopback name or literal address: {@code localhost}, 127.0.0.0/8 in dotted-quad form, {@code ::1}. Literal
     * only, never a DNS lookup (a name that resolves to 127.0.0.1 today may not tomorrow).
     */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        return LOOPBACK_V4.matcher(h).matches();
    }

    /** Keys never reach a log line, an error page or a console. */
    @Override
    public String toString() {
        return "AlpacaProperties[apiKey=" + (hasKeys() ? "****" : "unset") + ", baseUrl=" + baseUrl + ", dataUrl=" + dataUrl
                + ", requestsPerMinute=" + requestsPerMinute + "]";
    }
}
