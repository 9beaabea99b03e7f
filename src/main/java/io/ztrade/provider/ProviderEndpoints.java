package io.ztrade.provider;

import jakarta.annotation.PostConstruct;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where each provider lives. An explicit base URL always wins (so the app can run against stubs); else keys
 * select the real service; else the built-in simulator served by this app answers. Real and simulated go
 * through the same client code; only these URLs and the keys differ.
 */
@Component
public class ProviderEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderEndpoints.class);

    private final AlpacaProperties alpaca;
    private final AlphaVantageProperties alphaVantage;
    private final CoinGeckoProperties coinGecko;
    private final RedditProperties reddit;
    private final Environment environment;

    public ProviderEndpoints(AlpacaProperties alpaca, AlphaVantageProperties alphaVantage, CoinGeckoProperties coinGecko,
                             RedditProperties reddit, Environment environment) {
        this.alpaca = alpaca;
        this.alphaVantage = alphaVantage;
        this.coinGecko = coinGecko;
        this.reddit = reddit;
        this.environment = environment;
    }

    /** One line that says which provider serves each stage; URLs without queries, never a key. */
    @PostConstruct
    void describe() {
        LOG.info("Providers: {}", summary());
    }

    public String summary() {
        return "broker=" + describe(alpaca.baseUrl(), alpaca.hasKeys(), AlpacaProperties.PAPER_URL, "alpaca")
                + ", market data=" + describe(alpaca.dataUrl(), alpaca.hasKeys(), AlpacaProperties.DATA_URL, "alpaca")
                + ", crypto fallback price=" + describe(coinGecko.baseUrl(), usesRealMarketData(), CoinGeckoProperties.URL, "coingecko")
                + ", market calendar=" + (usesRealAlpaca() ? "alpaca /v2/clock, NYSE rules as fallback" : "built-in NYSE rules")
                + ", news sentiment=" + (alphaVantageBase().isEmpty() ? "off (set ALPHAVANTAGE_API_KEY)"
                        : describe(alphaVantage.baseUrl(), alphaVantage.hasKey(), AlphaVantageProperties.URL, "alphavantage"))
                + ", reddit sentiment=" + (reddit.enabled() ? "reddit at " + withoutQuery(stripSlash(reddit.apiUrl()))
                        : "off (set REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET)");
    }

    public String alpacaTrading() {
        return pick(alpaca.baseUrl(), alpaca.hasKeys(), AlpacaProperties.PAPER_URL, "alpaca");
    }

    public String alpacaData() {
        return pick(alpaca.dataUrl(), alpaca.hasKeys(), AlpacaProperties.DATA_URL, "alpaca-data");
    }

    /** CoinGecko follows Alpaca's market data: real when that is real, the simulator's copy otherwise, unless set. */
    public String coinGecko() {
        return pick(coinGecko.baseUrl(), usesRealMarketData(), CoinGeckoProperties.URL, "coingecko");
    }

    private boolean usesRealMarketData() {
        return isSet(alpaca.dataUrl()) || alpaca.hasKeys();
    }

    /** Empty when real trading is configured but no news key is: never mix simulated news into real orders. */
    public Optional<String> alphaVantageBase() {
        if (isSet(alphaVantage.baseUrl()) || alphaVantage.hasKey() || !usesRealAlpaca()) {
            return Optional.of(pick(alphaVantage.baseUrl(), alphaVantage.hasKey(), AlphaVantageProperties.URL, "alphavantage"));
        }
        return Optional.empty();
    }

    public String redditAuth() {
        return stripSlash(reddit.authUrl());
    }

    public String redditApi() {
        return stripSlash(reddit.apiUrl());
    }

    public boolean usesRealAlpaca() {
        return isSet(alpaca.baseUrl()) || alpaca.hasKeys();
    }

    /** The simulator is this app itself; its port is known only once the web server has started. */
    public String simulatorBase() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port + "/simulator";
    }

    private String pick(String explicit, boolean real, String realUrl, String simulatorPath) {
        if (isSet(explicit)) {
            return stripSlash(explicit);
        }
        return real ? realUrl : simulatorBase() + "/" + simulatorPath;
    }

    private static String describe(String explicit, boolean real, String realUrl, String name) {
        if (isSet(explicit)) {
            return name + " at " + withoutQuery(stripSlash(explicit));
        }
        return real ? name + " at " + realUrl : "built-in simulator";
    }

    /** Scheme, host, port and path: a query or user info could carry a key. */
    public static String withoutQuery(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + (uri.getPath() == null ? "" : uri.getPath());
        } catch (IllegalArgumentException e) {
            return "(unparseable URL)";
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static String stripSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
