package io.ztrade.sentiment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.ztrade.PipelineTestSupport;
import io.ztrade.market.AssetClass;
import io.ztrade.market.Instrument;
import io.ztrade.provider.AlphaVantageProperties;
import io.ztrade.provider.InMemoryProviderCache;
import io.ztrade.provider.ProviderDataException;
import io.ztrade.provider.ProviderEndpoints;
import io.ztrade.provider.ProviderHttpFixture;
import io.ztrade.provider.ProviderUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlphaVantageNewsSentimentTest {

    static final WireMockServer AV = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static ProviderHttpFixture fixture;

    @BeforeAll
    static void start() {
        AV.start();
        fixture = new ProviderHttpFixture();
    }

    @AfterAll
    static void stop() {
        AV.stop();
        fixture.close();
    }

    @BeforeEach
    void reset() {
        AV.resetAll();
    }

    static AlphaVantageNewsSentiment news(Duration ttl) {
        AlphaVantageProperties properties = new AlphaVantageProperties("AVKEY", AV.baseUrl(), ttl);
        ProviderEndpoints endpoints = ProviderHttpFixture.endpoints(null, properties, null, null);
        return new AlphaVantageNewsSentiment(fixture.http, endpoints, properties, new ObjectMapper(), new InMemoryProviderCache());
    }

    private static void answer(String body) {
        AV.stubFor(get(urlPathEqualTo("/query")).willReturn(aResponse().withStatus(200).withBody(body)));
    }

    @Test
    void relevanceWeightedMeanOfTheTickersScoresGivenAsStrings() {
        answer(PipelineTestSupport.BULLISH_NEWS);
        SentimentReading reading = news(Duration.ZERO).read(new Instrument("agent_x", "TSLA", AssetClass.US_EQUITY));
        // (0.9 x 0.8 + 0.8 x 0.7) / (0.9 + 0.8)
        assertThat(reading.score()).isCloseTo(0.752941, within(1e-6));
        assertThat(reading.articles()).isEqualTo(2);
        AV.verify(getRequestedFor(urlPathEqualTo("/query")).withQueryParam("function", equalTo("NEWS_SENTIMENT"))
                .withQueryParam("tickers", equalTo("TSLA")).withQueryParam("apikey", equalTo("AVKEY")));
    }

    @Test
    void cryptoIsAskedAsCryptoTicker() {
        answer(PipelineTestSupport.BULLISH_NEWS);
        news(Duration.ZERO).read(new Instrument("agent_x", "BTC/USD", AssetClass.CRYPTO));
        AV.verify(getRequestedFor(urlPathEqualTo("/query")).withQueryParam("tickers", equalTo("CRYPTO:BTC")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"Note\": \"Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute and 25 calls per day.\"}",
            "{\"Information\": \"We have detected your API key as AVKEY and our standard API rate limit is 25 requests per day.\"}"})
    void aThrottleNoteIsUnavailableNeverNeutralAndIsNotCached(String throttle) {
        answer(throttle);
        AlphaVantageNewsSentiment news = news(Duration.ofMinutes(15));
        SentimentReading reading = news.read(new Instrument("agent_x", "TSLA", AssetClass.US_EQUITY));
        news.read(new Instrument("agent_x", "TSLA", AssetClass.US_EQUITY));
        assertThat(reading.unavailable()).isTrue();
        assertThat(reading.unavailableReason()).contains("25");
        AV.verify(2, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void aReadingIsCachedPerTickerForItsTimeToLive() {
        answer(PipelineTestSupport.BULLISH_NEWS);
        AlphaVantageNewsSentiment news = news(Duration.ofMinutes(15));
        SentimentReading first = news.read(new Instrument("agent_x", "TSLA", AssetClass.US_EQUITY));
        SentimentReading second = news.read(new Instrument("agent_x", "TSLA", AssetClass.US_EQUITY));
        assertThat(second).isEqualTo(first);
        AV.verify(1, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void aStringThatIsNotANumberIsBadData() {
        answer("""
                {"items": "1", "feed": [{"title": "x", "ticker_sentiment": [{"ticker": "TSLA", "relevance_score": "high",
                 "ticker_sentiment_score": "0.2", "ticker_sentiment_label": "Somewhat-Bullish"}]}]}""");
        assertThatThrownBy(() -> news(Duration.ZERO).read(new Instrument("agent_x", "TSLA", AssetClass.US_EQUITY)))
                .isInstanceOf(ProviderDataException.class).hasMessageContaining("'relevance_score' = 'high'");
    }

    @Test
    void anOutageThrowsForTheCombinerToDegradeTheRun() {
        AV.stubFor(get(urlPathEqualTo("/query")).willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>")));
        assertThatThrownBy(() -> news(Duration.ZERO).read(new Instrument("agent_x", "TSLA", AssetClass.US_EQUITY)))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageNotContaining("AVKEY");
    }
}
