package io.ztrade.management;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doThrow;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.alert.Alerts;
import io.ztrade.provider.ProviderUnavailableException;
import io.ztrade.records.RunRecord;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;

class FailureAlertsTest extends OperationsTestSupport {

    @Autowired
    Alerts alerts;

    @AfterEach
    void providerBack() {
        Mockito.reset(marketData);
    }

    @Test
    void severalFailedRunsSendOneEmailAndOneWebhookCall() throws Exception {
        // a provider message that quotes its URL, key included
        doThrow(new ProviderUnavailableException("market data simulated outage calling /v2/stocks?secret=" + SECRET))
                .when(marketData).snapshot(any(), any(), anyInt());

        // one after the other: a run now while the agent's run goes on is refused (409)
        for (int i = 0; i < 3; i++) {
            operator().postForEntity("/api/agents/test_crypto/runs?force=true", null, JsonNode.class);
            awaitRuns("test_crypto", i + 1);
        }

        List<RunRecord> runs = awaitRuns("test_crypto", 3);
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.status()).isEqualTo("FAILED");
            assertThat(run.error()).doesNotContain(SECRET);
        });
        // the first run meets the outage; the provider's breaker may then fail the later ones fast
        assertThat(runs).anySatisfy(run -> assertThat(run.error()).contains("market data simulated outage"));
        assertThat(viewer().getForObject("/api/runs?agent=test_crypto", String.class)).doesNotContain(SECRET);
        // every failed run raised its alert: one was sent, the others held back by the quiet period
        await().atMost(Duration.ofSeconds(20)).until(() ->
                alerts.count("run-failed", "sent") + alerts.count("run-failed", "held_back") >= 3);
        assertThat(alerts.count("run-failed", "sent")).isEqualTo(1);

        List<MimeMessage> failedEmails = Arrays.stream(SMTP.getReceivedMessages())
                .filter(this::aboutAFailedRun).toList();
        assertThat(failedEmails).hasSize(1);
        assertThat(failedEmails.get(0).getAllRecipients()[0].toString()).isEqualTo("desk@example.com");
        assertThat((String) failedEmails.get(0).getContent()).contains("market data simulated outage")
                .doesNotContain(SECRET);
        WEBHOOK.verify(1, postRequestedFor(urlEqualTo("/hooks/desk")).withRequestBody(containing("run FAILED")));
        WEBHOOK.verify(0, postRequestedFor(urlEqualTo("/hooks/desk")).withRequestBody(containing(SECRET)));
        // Telegram keeps the same quiet period: one message, to the configured chat
        TELEGRAM.verify(1, postRequestedFor(urlEqualTo(TELEGRAM_SEND)).withRequestBody(containing("run FAILED")));
        TELEGRAM.verify(1, postRequestedFor(urlEqualTo(TELEGRAM_SEND)).withRequestBody(containing("run FAILED"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(TELEGRAM_CHAT))));
        TELEGRAM.verify(0, postRequestedFor(urlEqualTo(TELEGRAM_SEND)).withRequestBody(containing(SECRET)));
    }

    private boolean aboutAFailedRun(MimeMessage message) {
        try {
            return message.getSubject().contains("run FAILED");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
