package io.ztrade.sentiment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.ztrade.market.AssetClass;
import io.ztrade.market.Instrument;
import io.ztrade.provider.InMemoryProviderCache;
import io.ztrade.provider.ProviderDataException;
import io.ztrade.provider.ProviderEndpoints;
import io.ztrade.provider.ProviderHttpFixture;
import io.ztrade.provider.RedditProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedditSentimentTest {

    static final WireMockServer REDDIT = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static ProviderHttpFixture fixture;
    static final Instant NOW = Instant.parse("2025-11-26T15:00:00Z");
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("client-id:client-secret".getBytes());

    @BeforeAll
    static void start() {
        REDDIT.start();
        fixture = new ProviderHttpFixture();
    }

    @AfterAll
    static void stop() {
        REDDIT.stop();
        fixture.close();
    }

    @BeforeEach
    void reset() {
        REDDIT.resetAll();
    }

    static RedditProperties properties(String id, String secret, Duration cacheTtl) {
        return new RedditProperties(id, secret, REDDIT.baseUrl(), REDDIT.baseUrl(), List.of("stocks", "wallstreetbets"),
                List.of("Bitcoin"), "server:io.ztrade:test (by ztrade tests)", 25, cacheTtl);
    }

    static RedditSentiment reddit(RedditProperties properties) {
        ProviderEndpoints endpoints = ProviderHttpFixture.endpoints(null, null, null, properties);
        return new RedditSentiment(fixture.http, endpoints, properties, new InMemoryProviderCache(), new ObjectMapper(),
                new VaderScorer(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static String listing(String... titlesAndScores) {
        StringBuilder children = new StringBuilder();
        for (int i = 0; i < titlesAndScores.length; i += 2) {
            children.append(i == 0 ? "" : ",").append("""
                    {"kind": "t3", "data": {"name": "t3_%s", "title": "%s", "selftext": "", "score": %s, "created_utc": %d.0}}"""
                    .formatted(titlesAndScores[i].hashCode(), titlesAndScores[i], titlesAndScores[i + 1], NOW.getEpochSecond() - 3600));
        }
        return "{\"kind\": \"Listing\", \"data\": {\"after\": null, \"children\": [" + children + "]}}";
    }

    private static void token(String accessToken) {
        REDDIT.stubFor(post(urlEqualTo("/api/v1/access_token")).withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalTo("grant_type=client_credentials"))
                .willReturn(aResponse().withStatus(200).withBody("""
                        {"access_token": "%s", "token_type": "bearer", "expires_in": 86400, "scope": "*"}""".formatted(accessToken))));
    }

    @Test
    void searchesEachSubredditWithABearerTokenAndScoresThePostsWithVader() {
        token("tok-1");
        REDDIT.stubFor(get(urlPathEqualTo("/r/stocks/search")).willReturn(aResponse().withStatus(200)
                .withBody(listing("TSLA looks great, very bullish", "120", "Loving my TSLA shares", "15"))));
        REDDIT.stubFor(get(urlPathEqualTo("/r/wallstreetbets/search")).willReturn(aResponse().withStatus(200)
                .withBody(listing("TSLA to the moon!", "900"))));

        SentimentReading reading = reddit(properties("client-id", "client-secret", Duration.ofMinutes(15)))
                .read(new Instrument("agent_x", "TSLA", AssetClass.US_EQUITY));

        assertThat(reading.unavailable()).isFalse();
        assertThat(reading.score()).isPositive();
        assertThat(reading.articles()).isEqualTo(3);
        assertThat(reading.confidence()).isBetween(0.0, 3 / 20.0);
        REDDIT.verify(getRequestedFor(urlPathEqualTo("/r/stocks/search")).withQueryParam("q", equalTo("TSLA"))
                .withQueryParam("sort", equalTo("new")).withQueryParam("restrict_sr", equalTo("1"))
                .withHeader("Authorization", equalTo("bearer tok-1"))
                .withHeader("User-Agent", equalTo("server:io.ztrade:test (by ztrade tests)")));
    }

    @Test
    void reusesTheTokenUntilItExpiresAndCachesTheReading() {
        token("tok-1");
        REDDIT.stubFor(get(urlPathEqualTo("/r/Bitcoin/search")).willReturn(aResponse().withStatus(200)
                .withBody(listing("Bitcoin crash incoming, terrible", "50"))));
        RedditSentiment reddit = reddit(properties("client-id", "client-secret", Duration.ZERO));

        SentimentReading first = reddit.read(new Instrument("agent_x", "BTC/USD", AssetClass.CRYPTO));
        reddit.read(new Instrument("agent_x", "BTC/USD", AssetClass.CRYPTO));

        assertThat(first.score()).isNegative();
        REDDIT.verify(1, postRequestedFor(urlEqualTo("/api/v1/access_token")));
        REDDIT.verify(2, getRequestedFor(urlPathEqualTo("/r/Bitcoin/search")).withQueryParam("q", equalTo("BTC")));

        RedditSentiment cached = reddit(properties("client-id", "client-secret", Duration.ofMinutes(15)));
        cached.read(new Instrument("agent_x", "BTC/USD", AssetClass.CRYPTO));
        cached.read(new Instrument("agent_x", "BTC/USD", AssetClass.CRYPTO));
        REDDIT.verify(3, getRequestedFor(urlPathEqualTo("/r/Bitcoin/search")));
    }

    @Test
    void anExpiredTokenIsRenewedOnce() {
        REDDIT.stubFor(post(urlEqualTo("/api/v1/access_token")).inScenario("tok").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("renewed").willReturn(aResponse().withStatus(200).withBody("{\"access_token\": \"old\", \"expires_in\": 3600}")));
        REDDIT.stubFor(post(urlEqualTo("/api/v1/access_token")).inScenario("tok").whenScenarioStateIs("renewed")
                .willReturn(aResponse().withStatus(200).withBody("{\"access_token\": \"new\", \"expires_in\": 3600}")));
        REDDIT.stubFor(get(urlPathEqualTo("/r/Bitcoin/search")).withHeader("Authorization", equalTo("bearer old"))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\": \"Unauthorized\", \"error\": 401}")));
        REDDIT.stubFor(get(urlPathEqualTo("/r/Bitcoin/search")).withHeader("Authorization", equalTo("bearer new"))
                .willReturn(aResponse().withStatus(200).withBody(listing("good news for bitcoin", "3"))));

        SentimentReading reading = reddit(properties("client-id", "client-secret", Duration.ZERO))
                .read(new Instrument("agent_x", "BTC/USD", AssetClass.CRYPTO));

        assertThat(reading.unavailable()).isFalse();
        REDDIT.verify(2, postRequestedFor(urlEqualTo("/api/v1/access_token")));
    }

    @Test
    void aThrottleOrNoPostsIsUnavailableNeverNeutral() {
        token("tok-1");
        REDDIT.stubFor(get(urlPathEqualTo("/r/Bitcoin/search")).willReturn(aResponse().withStatus(429)
                .withHeader("x-ratelimit-reset", "300").withBody("{\"message\": \"Too Many Requests\", \"error\": 429}")));
        SentimentReading throttled = reddit(properties("client-id", "client-secret", Duration.ZERO)).read(new Instrument("agent_x", "BTC/USD", AssetClass.CRYPTO));
        assertThat(throttled.unavailableReason()).contains("HTTP 429");

        REDDIT.stubFor(get(urlPathEqualTo("/r/Bitcoin/search")).willReturn(aResponse().withStatus(200).withBody(listing())));
        SentimentReading empty = reddit(properties("client-id", "client-secret", Duration.ZERO)).read(new Instrument("agent_x", "BTC/USD", AssetClass.CRYPTO));
        assertThat(empty.unavailableReason()).contains("no reddit post");
    }

    @Test
    void refusedCredentialsAreNamedWithoutTheSecret() {
        REDDIT.stubFor(post(urlEqualTo("/api/v1/access_token")).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\": \"Unauthorized\", \"error\": 401}")));
        assertThatThrownBy(() -> reddit(properties("client-id", "client-secret", Duration.ZERO)).read(new Instrument("agent_x", "TSLA", AssetClass.US_EQUITY)))
                .isInstanceOf(ProviderDataException.class).hasMessageContaining("REDDIT_CLIENT_SECRET")
                .hasMessageNotContaining("client-secret");
    }

    @Test
    void withoutCredentialsRedditIsOff() {
        RedditSentiment reddit = reddit(properties("", "", Duration.ZERO));
        assertThat(reddit.enabled()).isFalse();
        assertThat(reddit.read(new Instrument("agent_x", "TSLA", AssetClass.US_EQUITY)).unavailable()).isTrue();
        assertThat(REDDIT.getAllServeEvents()).isEmpty();
    }
}
