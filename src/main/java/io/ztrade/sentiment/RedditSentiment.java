package io.ztrade.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.market.AssetClass;
import io.ztrade.market.Instrument;
import io.ztrade.provider.HttpReply;
import io.ztrade.provider.Json;
import io.ztrade.provider.ProviderCache;
import io.ztrade.provider.ProviderEndpoints;
import io.ztrade.provider.ProviderHttp;
import io.ztrade.provider.RedditProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reddit posts about the ticker, scored with VADER; on only when REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET are set.
 * Auth is OAuth2 client credentials (the token is reused until a minute before {@code expires_in}); each configured
 * subreddit is searched for the ticker, newest first. Score: the mean VADER compound of the posts of the last
 * {@value #MAX_AGE_DAYS} days, each weighted by 1 + ln(1 + upvotes). Confidence: coverage (posts / 20, at most 1) x
 * agreement (1 - the weighted spread of the compounds). A throttle (429), a rejected key or no posts is an unavailable
 * reading.
 */
@Component
public class RedditSentiment implements SentimentSource {

    static final int MAX_AGE_DAYS = 7;
    static final int FULL_COVERAGE_POSTS = 20;

    private final ProviderHttp http;
    private final ProviderEndpoints endpoints;
    private final RedditProperties properties;
    private final CachedReadings cache;
    private final ObjectMapper mapper;
    private final VaderScorer vader;
    private final Clock clock;

    private record Token(String value, Instant expiresAt) {
    }

    private volatile Token token;

    @Autowired
    public RedditSentiment(ProviderHttp http, ProviderEndpoints endpoints, RedditProperties properties, ProviderCache cache,
                           ObjectMapper mapper) {
        this(http, endpoints, properties, cache, mapper, new VaderScorer(), Clock.systemUTC());
    }

    RedditSentiment(ProviderHttp http, ProviderEndpoints endpoints, RedditProperties properties, ProviderCache cache,
                    ObjectMapper mapper, VaderScorer vader, Clock clock) {
        this.http = http;
        this.endpoints = endpoints;
        this.properties = properties;
        this.cache = new CachedReadings(cache, mapper);
        this.mapper = mapper;
        this.vader = vader;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "reddit";
    }

    @Override
    public boolean enabled() {
        return properties.enabled();
    }

    @Override
    public SentimentReading read(Instrument agent) {
        if (!properties.enabled()) {
            return SentimentReading.unavailable(name(), "REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET are not set");
        }
        String query = queryOf(agent);
        String cacheKey = "reddit:" + query;
        Optional<SentimentReading> cached = cache.get(cacheKey);
        if (cached.isPresent()) {
            return cached.get();
        }
        List<String> subreddits = agent.assetClass() == AssetClass.CRYPTO ? properties.cryptoSubreddits() : properties.stockSubreddits();
        Map<String, JsonNode> posts = new LinkedHashMap<>();
        for (String subreddit : subreddits) {
            String url = endpoints.redditApi() + "/r/" + encode(subreddit) + "/search?q=" + encode(query)
                    + "&sort=new&restrict_sr=1&limit=" + properties.postLimit() + "&raw_json=1";
            HttpReply reply = search(url);
            if (reply.status() == 429) {
                return SentimentReading.unavailable(name(), reply.target() + " answered HTTP 429: Reddit rate limit reached");
            }
            if (reply.status() == 401 || reply.status() == 403) {
                return SentimentReading.unavailable(name(), reply.target() + " answered HTTP " + reply.status()
                        + "; check REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET");
            }
            if (!reply.ok()) {
                return SentimentReading.unavailable(name(), reply.target() + " answered HTTP " + reply.status());
            }
            JsonNode children = Json.required(Json.required(reply.json(mapper), "data", reply.target()), "children", reply.target());
            for (JsonNode child : children) {
                JsonNode data = child.path("data");
                String id = data.path("name").asText(data.path("id").asText(subreddit + posts.size()));
                posts.putIfAbsent(id, data);
            }
        }
        SentimentReading reading = interpret(query, new ArrayList<>(posts.values()));
        cache.putIfAvailable(cacheKey, reading, properties.cacheTtl());
        return reading;
    }

    /** Stocks by ticker; crypto by the coin's code (BTC for BTC/USD). */
    static String queryOf(Instrument agent) {
        return agent.assetClass() == AssetClass.CRYPTO ? agent.symbol().split("/")[0] : agent.symbol();
    }

    SentimentReading interpret(String query, List<JsonNode> posts) {
        Instant oldest = clock.instant().minus(Duration.ofDays(MAX_AGE_DAYS));
        double weightSum = 0;
        double weighted = 0;
        List<double[]> scored = new ArrayList<>();
        for (JsonNode post : posts) {
            JsonNode created = post.get("created_utc");
            if (created == null || !created.isNumber() || Instant.ofEpochSecond(created.asLong()).isBefore(oldest)) {
                continue;
            }
            String text = post.path("title").asText("") + ". " + abbreviate(post.path("selftext").asText(""));
            double compound = vader.compound(text);
            double weight = 1 + Math.log1p(Math.max(0, post.path("score").asDouble(0)));
            scored.add(new double[] {compound, weight});
            weightSum += weight;
            weighted += weight * compound;
        }
        if (scored.isEmpty()) {
            return SentimentReading.unavailable(name(), "no reddit post of the last " + MAX_AGE_DAYS + " days mentions " + query);
        }
        double mean = weighted / weightSum;
        double variance = 0;
        for (double[] s : scored) {
            variance += s[1] * Math.pow(s[0] - mean, 2);
        }
        double agreement = Math.max(0, 1 - Math.sqrt(variance / weightSum));
        double coverage = Math.min(1.0, scored.size() / (double) FULL_COVERAGE_POSTS);
        return new SentimentReading(Math.max(-1, Math.min(1, mean)), coverage * agreement, List.of(name()), scored.size(), null);
    }

    /** A search with the cached token; a 401 means the token expired early, so it is renewed once. */
    private HttpReply search(String url) {
        HttpReply reply = http.get(url, apiHeaders(token()));
        if (reply.status() == 401) {
            token = null;
            reply = http.get(url, apiHeaders(token()));
        }
        return reply;
    }

    private Map<String, String> apiHeaders(String bearer) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "application/json");
        headers.put("User-Agent", properties.userAgent());
        headers.put("Authorization", "bearer " + bearer);
        return headers;
    }

    private String token() {
        Token current = token;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.expiresAt())) {
            return current.value();
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "application/json");
        headers.put("User-Agent", properties.userAgent());
        headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (properties.clientId() + ":" + properties.clientSecret()).getBytes(StandardCharsets.UTF_8)));
        HttpReply reply = http.postForm(endpoints.redditAuth() + "/api/v1/access_token", headers, "grant_type=client_credentials");
        if (!reply.ok()) {
            throw new io.ztrade.provider.ProviderDataException(reply.target() + " refused the client credentials (HTTP "
                    + reply.status() + "); check REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET");
        }
        JsonNode json = reply.json(mapper);
        String value = Json.text(json, "access_token", reply.target());
        long expiresIn = (long) Json.number(json, "expires_in", reply.target());
        // renew a minute early, so a token never expires between the check and the call
        token = new Token(value, now.plusSeconds(Math.max(0, expiresIn - 60)));
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
