package io.ztrade.broker;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.ztrade.PipelineTestSupport;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The broker step's pipeline tests against one WireMock Alpaca trading API, in one Spring context they share (the
 * same properties, so the same cached context). The stub lives as long as the JVM, as that context does: a
 * per-class {@code WireMockExtension} would move to another port under the cached context. Reset before each test.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AlpacaTradingStubSupport extends PipelineTestSupport {

    static final WireMockServer ALPACA = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @DynamicPropertySource
    static void alpacaUrl(DynamicPropertyRegistry registry) {
        if (!ALPACA.isRunning()) {
            ALPACA.start();
        }
        registry.add("ztrade.alpaca.base-url", ALPACA::baseUrl);
        // a broker that accepted an order but answers late: OrderOncePipelineTest's 7.5 s answer times out (3 s
        // leave a cold context on a loaded machine time for the simulator's and the news stub's first answers)
        registry.add("ztrade.http.response-timeout-ms", () -> "3000");
    }

    @BeforeEach
    void resetAlpaca() {
        ALPACA.resetAll();
    }
}
