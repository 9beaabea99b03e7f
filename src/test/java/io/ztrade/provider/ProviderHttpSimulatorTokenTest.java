package io.ztrade.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulator's token goes to the simulator's own base URL only, never to a provider. */
class ProviderHttpSimulatorTokenTest {

    private final ProviderHttp http = new ProviderHttp(null, 1, 1, () -> "http://127.0.0.1:8181/simulator", new SimulatorToken());

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8181/simulator/alpaca/v2/orders", "http://127.0.0.1:8181/simulator/alpaca-data/v2/x",
            "http://127.0.0.1:8181/simulator/coingecko/api/v3/simple/price?ids=bitcoin"})
    void theSimulatorGetsIt(String url) {
        assertThat(http.toSimulator(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://paper-api.alpaca.markets/v2/orders", "https://api.alpaca.markets/v2/orders",
            "https://data.alpaca.markets/v2/stocks/AAPL/bars", "https://api.coingecko.com/api/v3/simple/price",
            "https://www.alphavantage.co/query", "https://oauth.reddit.com/r/x", "http://127.0.0.1:8182/simulator/alpaca",
            "http://127.0.0.1:8181/simulatorx/alpaca", "http://127.0.0.1:8181/simulator", "http://localhost:8181/simulator/alpaca",
            "http://127.0.0.1:8181.evil.example/simulator/alpaca", "http://127.0.0.1:81810/simulator/alpaca"})
    void noOtherUrlDoes(String url) {
        assertThat(http.toSimulator(url)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8181/simulator/alpaca/v2/orders"})
    void withoutTheSimulatorNothingGetsIt(String url) {
        assertThat(new ProviderHttp(null, 1, 1).toSimulator(url)).isFalse();
    }
}
