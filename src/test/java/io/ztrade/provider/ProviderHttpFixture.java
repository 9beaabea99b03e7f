package io.ztrade.provider;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.mock.env.MockEnvironment;

/**
 * The real provider HTTP stack (camel-http, {@link ProviderHttp}, {@link AlpacaClient} and its rate gate) without
 * Spring, for tests against WireMock stubs. Responses slower than {@link #RESPONSE_TIMEOUT_MS} time out. As a static
 * {@code @RegisterExtension} it closes itself after the test class.
 */
public final class ProviderHttpFixture implements AutoCloseable, AfterAllCallback {

    public static final long RESPONSE_TIMEOUT_MS = 500;

    private final CamelContext camel = new DefaultCamelContext();
    public final ProviderHttp http;

    public ProviderHttpFixture() {
        camel.start();
        http = new ProviderHttp(camel.createProducerTemplate(), 500, RESPONSE_TIMEOUT_MS);
    }

    /** Endpoints for stubs: each provider unset (the simulator) unless given. */
    public static ProviderEndpoints endpoints(AlpacaProperties alpaca, AlphaVantageProperties news, CoinGeckoProperties coinGecko,
                                             RedditProperties reddit) {
        return new ProviderEndpoints(
                alpaca == null ? new AlpacaProperties(null, null, null, null) : alpaca,
                news == null ? new AlphaVantageProperties(null, null, Duration.ZERO) : news,
                coinGecko == null ? new CoinGeckoProperties(null, null) : coinGecko,
                reddit == null ? new RedditProperties(null, null, "", "", List.of(), List.of(), "", 1, Duration.ZERO) : reddit,
                new MockEnvironment());
    }

    public AlpacaClient alpaca(AlpacaProperties properties) {
        return new AlpacaClient(http, properties, new AlpacaRateGate(200, Duration.ofSeconds(5), Clock.systemUTC(), d -> { }));
    }

    public AlpacaClient alpaca(AlpacaProperties properties, AlpacaRateGate gate) {
        return new AlpacaClient(http, properties, gate);
    }

    @Override
    public void close() {
        camel.stop();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
