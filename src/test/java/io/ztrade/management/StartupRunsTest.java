package io.ztrade.management;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.agent.RunOnStart;
import io.ztrade.agent.RunOnStartProperties;
import io.ztrade.records.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Start-up runs are dry runs by default: every step for real, risk included, then DRY_RUN with the order it would
 * have sent, and nothing reaches the broker, the submitted order ids or maxOrdersPerDay.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ztrade.run-on-start=dry")
class StartupRunsTest extends StartupRunsSupport {

    @Autowired
    IdempotentRepository submittedOrderIds;

    @Test
    void aStartUpRunGoesThroughRiskButPlacesNoOrderAndIsRecordedDryRun() {
        List<RunRecord> runs = startupRuns();
        RunRecord crypto = crypto(runs);
        assertThat(crypto.status()).as(crypto.note() + " " + crypto.error()).isEqualTo("DRY_RUN");
        assertThat(crypto.price()).isPositive();
        assertThat(crypto.decision()).isEqualTo("BUY");
        assertThat(crypto.riskVerdict()).isEqualTo("APPROVED");
        assertThat(crypto.note()).isEqualTo("dry run: would BUY $1000 of BTC/USD; set ztrade.run-on-start=trade to trade"
                + " at start-up");
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.status()).isIn("DRY_RUN", "SKIPPED_MARKET_CLOSED", "HOLD", "REJECTED_BY_RISK");
            assertThat(run.clientOrderId()).isNull();
            assertThat(run.brokerOrderId()).isNull();
        });
        ALPACA.verify(0, postRequestedFor(urlEqualTo("/v2/orders")));
        assertThat(store.ordersSince("test_crypto", Instant.now().minus(1, ChronoUnit.DAYS))).isZero();
        // the would-be order's id stays free (a scheduled run of the same id would still be sent)
        String wouldBeId = io.ztrade.broker.ClientOrderIds.ofRun("test_crypto", crypto.scheduledAt(), crypto.runId());
        assertThat(submittedOrderIds.contains(wouldBeId)).isFalse();
    }

    @Test
    void theShippedDefaultIsDryAndTheOldBooleansStillWork() throws IOException {
        // the default is the record's (nothing in application.yml sets it), as Spring binds it when no one does
        assertThat(new org.springframework.boot.context.properties.bind.Binder(java.util.List.of())
                .bindOrCreate("ztrade", RunOnStartProperties.class).runOnStart()).isEqualTo(RunOnStart.DRY);
        assertThat(Files.readString(Path.of("src/main/resources/application.yml"))).doesNotContain("run-on-start:");
        assertThat(new RunOnStartProperties(RunOnStart.DRY).runOnStart()).isEqualTo(RunOnStart.DRY);
        assertThat(RunOnStart.of("true")).isEqualTo(RunOnStart.DRY);
        assertThat(RunOnStart.of("false")).isEqualTo(RunOnStart.OFF);
        assertThat(RunOnStart.of(" Trade ")).isEqualTo(RunOnStart.TRADE);
    }
}
