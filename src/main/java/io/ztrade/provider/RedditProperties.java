package io.ztrade.provider;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reddit, an optional second sentiment source, from REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET, REDDIT_AUTH_URL and
 * REDDIT_API_URL. Off unless both the id and the secret are set.
 *
 * @param authUrl          OAuth2 token host (defaults to https://www.reddit.com)
 * @param apiUrl           API host for bearer calls (defaults to https://oauth.reddit.com)
 * @param stockSubreddits  subreddits searched for a stock's ticker
 * @param cryptoSubreddits subreddits searched for a crypto agent's coin
 * @param userAgent        Reddit asks every client for a descriptive User-Agent
 * @param postLimit        posts read per subreddit per search (defaults to 25)
 * @param cacheTtl         how long one ticker's Reddit sentiment is reused (defaults to 15 minutes)
 */
@ConfigurationProperties("ztrade.reddit")
public record RedditProperties(
        String clientId,
        String clientSecret,
        @DefaultValue(AUTH_URL) String authUrl,
        @DefaultValue(API_URL) String apiUrl,
        @DefaultValue({"stocks", "wallstreetbets", "investing"}) List<String> stockSubreddits,
        @DefaultValue({"CryptoCurrency", "Bitcoin"}) List<String> cryptoSubreddits,
        @DefaultValue("server:io.ztrade:0.1 (trading agent sentiment)") String userAgent,
        @DefaultValue("25") int postLimit,
        @DefaultValue("15m") Duration cacheTtl) {

    public static final String AUTH_URL = "https://www.reddit.com";
    public static final String API_URL = "https://oauth.reddit.com";

    public boolean enabled() {
        return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }

    @Override
    public String toString() {
        return "RedditProperties[clientId=" + (enabled() ? "****" : "unset") + ", authUrl=" + authUrl + ", apiUrl="
                + apiUrl + ", stockSubreddits=" + stockSubreddits + ", cryptoSubreddits=" + cryptoSubreddits + "]";
    }
}
