package io.ztrade.management;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.records.RunRecord;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** With ztrade.run-on-start=trade a start-up run trades as a scheduled run would: one order, recorded FILLED. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ztrade.run-on-start=trade")
class StartupTradeRunsTest extends StartupRunsSupport {

    @Test
    void aStartUpRunPlacesItsOrderWhenRunOnStartIsTrade() {
        RunRecord crypto = crypto(startupRuns());
        assertThat(crypto.status()).as(crypto.note() + " " + crypto.error()).isEqualTo("FILLED");
        assertThat(crypto.clientOrderId()).startsWith("zt-test_crypto-");
        assertThat(crypto.brokerOrderId()).isNotNull();
        ALPACA.verify(1, postRequestedFor(urlEqualTo("/v2/orders"))
                .withRequestBody(matchingJsonPath("$.client_order_id", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo(crypto.clientOrderId()))));
    }
}
