package io.ztrade.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.PipelineTestSupport;
import io.ztrade.records.RunRecord;
import java.time.Instant;
import java.util.Date;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The market-hours gate in the real route: the quartz trigger is replaced by {@code direct:tick} so a test can
 * choose the fire time, and the market data and broker sub-routes report to mocks.
 */
@CamelSpringBootTest
@UseAdviceWith
// a property of its own keeps this advised context apart from the cached, already started ones
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ztrade.test.context=advised")
class MarketHoursRouteTest extends PipelineTestSupport {

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate template;

    @BeforeEach
    void adviseOnce() throws Exception {
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, "test_stock", a -> a.replaceFromWith("direct:tick"));
            AdviceWith.adviceWith(camel, "market-data", a -> a.weaveAddFirst().to("mock:marketData"));
            AdviceWith.adviceWith(camel, "submit-order", a -> a.weaveAddFirst().to("mock:broker"));
            camel.start();
        }
        MockEndpoint.resetMocks(camel);
    }

    private void fireAt(String instant) {
        template.sendBodyAndHeader("direct:tick", null, "scheduledFireTime", Date.from(Instant.parse(instant)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
            "2026-11-28T15:00:00Z, weekend",
            "2026-11-26T15:00:00Z, Thanksgiving",
            "2026-11-25T14:00:00Z, 09:00 New York is before the open",
            "2026-11-25T21:00:00Z, 16:00 New York is the close",
            "2026-11-27T18:30:00Z, 13:30 New York is after the early close",
    })
    void aClosedMarketIsRecordedWithNoMarketDataAndNoOrder(String fireTime, String why) throws Exception {
        MockEndpoint marketData = camel.getEndpoint("mock:marketData", MockEndpoint.class);
        MockEndpoint broker = camel.getEndpoint("mock:broker", MockEndpoint.class);
        marketData.expectedMessageCount(0);
        broker.expectedMessageCount(0);

        fireAt(fireTime);

        RunRecord run = awaitRun("test_stock", r -> r.scheduledAt().equals(Instant.parse(fireTime)));
        assertThat(run.status()).isEqualTo("SKIPPED_MARKET_CLOSED");
        assertThat(run.note()).isNotBlank();
        assertThat(run.price()).isNull();
        assertThat(run.decision()).isNull();
        assertThat(run.clientOrderId()).isNull();
        marketData.assertIsSatisfied();
        broker.assertIsSatisfied();
    }

    @Test
    void anOpenMarketIsAnalysedAndTraded() throws Exception {
        MockEndpoint marketData = camel.getEndpoint("mock:marketData", MockEndpoint.class);
        MockEndpoint broker = camel.getEndpoint("mock:broker", MockEndpoint.class);
        marketData.expectedMessageCount(1);
        broker.expectedMessageCount(1);

        fireAt("2026-11-25T15:00:00Z");   // Wednesday 10:00 in New York

        RunRecord run = awaitRun("test_stock", r -> r.scheduledAt().equals(Instant.parse("2026-11-25T15:00:00Z")));
        assertThat(run.status()).isEqualTo("FILLED");
        assertThat(run.clientOrderId()).isEqualTo("zt-test_stock-" + Instant.parse("2026-11-25T15:00:00Z").getEpochSecond());
        marketData.assertIsSatisfied();
        broker.assertIsSatisfied();
    }
}
