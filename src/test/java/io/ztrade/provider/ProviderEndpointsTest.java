package io.ztrade.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProviderEndpointsTest {

    private static final RedditProperties NO_REDDIT = new RedditProperties(null, null, RedditProperties.AUTH_URL,
            RedditProperties.API_URL, List.of("stocks"), List.of("Bitcoin"), "ua", 25, Duration.ofMinutes(15));

    private static ProviderEndpoints endpoints(AlpacaProperties alpaca, AlphaVantageProperties news, CoinGeckoProperties gecko,
                                               RedditProperties reddit) {
        return new ProviderEndpoints(alpaca, news, gecko, reddit, new MockEnvironment().withProperty("server.port", "8181"));
    }

    @Test
    void noKeysMeansTheSimulatorForEveryStage() {
        ProviderEndpoints e = endpoints(new AlpacaProperties(null, null, null, null),
                new AlphaVantageProperties(null, null, Duration.ofMinutes(15)), new CoinGeckoProperties(null, null), NO_REDDIT);
        assertThat(e.alpacaTrading()).isEqualTo("http://127.0.0.1:8181/simulator/alpaca");
        assertThat(e.alpacaData()).isEqualTo("http://127.0.0.1:8181/simulator/alpaca-data");
        assertThat(e.coinGecko()).isEqualTo("http://127.0.0.1:8181/simulator/coingecko");
        assertThat(e.alphaVantageBase()).contains("http://127.0.0.1:8181/simulator/alphavantage");
        assertThat(e.summary()).contains("broker=built-in simulator").contains("reddit sentiment=off");
    }

    @Test
    void keysSelectTheRealServicesAndTheSummaryHidesThem() {
        RedditProperties reddit = new RedditProperties("rid", "rsecret", RedditProperties.AUTH_URL, RedditProperties.API_URL,
                List.of("stocks"), List.of("Bitcoin"), "ua", 25, Duration.ofMinutes(15));
        ProviderEndpoints e = endpoints(new AlpacaProperties("AKID", "SECRETKEY", null, null),
                new AlphaVantageProperties("AVKEY", null, Duration.ofMinutes(15)), new CoinGeckoProperties("CGKEY", null), reddit);
        assertThat(e.alpacaTrading()).isEqualTo(AlpacaProperties.PAPER_URL);
        assertThat(e.alpacaData()).isEqualTo(AlpacaProperties.DATA_URL);
        assertThat(e.coinGecko()).isEqualTo(CoinGeckoProperties.URL);
        assertThat(e.summary()).contains("broker=alpaca at https://paper-api.alpaca.markets")
                .contains("reddit sentiment=reddit at https://oauth.reddit.com")
                .doesNotContain("AKID", "SECRETKEY", "AVKEY", "CGKEY", "rsecret");
    }

    @Test
    void realAlpacaWithoutANewsKeyTurnsNewsOffRatherThanSimulated() {
        ProviderEndpoints e = endpoints(new AlpacaProperties("AKID", "SECRETKEY", null, null),
                new AlphaVantageProperties(null, null, Duration.ofMinutes(15)), new CoinGeckoProperties(null, null), NO_REDDIT);
        assertThat(e.alphaVantageBase()).isEmpty();
    }

    @Test
    void onlyTheLiveHostIsLive() {
        assertThat(AlpacaProperties.isLive("https://api.alpaca.markets")).isTrue();
        assertThat(AlpacaProperties.isLive("https://API.alpaca.markets/")).isTrue();
        assertThat(AlpacaProperties.isLive("https://paper-api.alpaca.markets")).isFalse();
        assertThat(AlpacaProperties.isLive("http://127.0.0.1:9999")).isFalse();
        assertThat(AlpacaProperties.isLive(null)).isFalse();
    }

    @Test
    void anExplicitUrlIsLoggedWithoutQueryOrUserInfo() {
        ProviderEndpoints e = endpoints(new AlpacaProperties(null, null, "https://user:hunter2@proxy.example:8443/alpaca?token=t0k3n", null),
                new AlphaVantageProperties(null, null, Duration.ofMinutes(15)), new CoinGeckoProperties(null, null), NO_REDDIT);
        assertThat(e.summary()).contains("broker=alpaca at https://proxy.example:8443/alpaca").doesNotContain("t0k3n", "hunter2");
    }
}
