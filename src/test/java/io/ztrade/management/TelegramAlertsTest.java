package io.ztrade.management;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.ztrade.alert.Alerts;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Telegram beside email and webhook in the operations context: the Bot API is a WireMock stub answering as documented
 * (https://core.telegram.org/bots/api#making-requests). Each test raises alerts of a kind of its own, so the quiet
 * periods of other tests' alerts do not meet it. The output is captured for the whole class (the context's start
 * included when this class starts it).
 */
@ExtendWith(OutputCaptureExtension.class)
class TelegramAlertsTest extends OperationsTestSupport {

    /** The token's secret part, after the bot's id. */
    static final String TOKEN_SECRET = TELEGRAM_TOKEN.substring(TELEGRAM_TOKEN.indexOf(':') + 1);

    @Autowired
    Alerts alerts;

    @AfterEach
    void telegramBack() {
        telegramAnswers();
    }

    @Test
    void anAlertReachesTheChatOnceInItsQuietPeriod(CapturedOutput output) {
        assertThat(alerts.raise("telegram-test-quiet", "Ztrade: breaker test OPEN", "first")).isTrue();
        assertThat(alerts.raise("telegram-test-quiet", "Ztrade: breaker test OPEN", "second")).isFalse();

        TELEGRAM.verify(1, postRequestedFor(urlEqualTo(TELEGRAM_SEND))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(TELEGRAM_CHAT)))
                .withRequestBody(matchingJsonPath("$.text", equalTo("Ztrade: breaker test OPEN\n\nfirst"))));
        TELEGRAM.verify(0, postRequestedFor(urlEqualTo(TELEGRAM_SEND)).withRequestBody(containing("second")));
        assertThat(output.getAll()).doesNotContain(TOKEN_SECRET);
    }

    @Test
    void aTelegramServerErrorLeavesEmailAndWebhookDelivering(CapturedOutput output) throws Exception {
        telegramFailsAndTheOthersDeliver("telegram-test-500", aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}"),
                "HTTP 500: Internal Server Error", output);
    }

    @Test
    void aRevokedTokenLeavesEmailAndWebhookDelivering(CapturedOutput output) throws Exception {
        telegramFailsAndTheOthersDeliver("telegram-test-401", aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"),
                "HTTP 401: Unauthorized", output);
    }

    @Test
    void aTelegramThatDoesNotAnswerLeavesEmailAndWebhookDelivering(CapturedOutput output) throws Exception {
        telegramFailsAndTheOthersDeliver("telegram-test-slow", okJson("{\"ok\":true,\"result\":{}}")
                .withFixedDelay(15000), "no answer within PT5S", output);
    }

    private void telegramFailsAndTheOthersDeliver(String kind, ResponseDefinitionBuilder answer, String logged,
                                                  CapturedOutput output) throws Exception {
        TELEGRAM.stubFor(post(TELEGRAM_SEND).willReturn(answer));
        String subject = "Ztrade: " + kind;

        assertThat(alerts.raise(kind, subject, "email and webhook still get this")).isTrue();

        await().atMost(Duration.ofSeconds(20)).until(() -> emailsAbout(subject) == 1);
        WEBHOOK.verify(1, postRequestedFor(urlEqualTo("/hooks/desk")).withRequestBody(containing(subject)));
        TELEGRAM.verify(1, postRequestedFor(urlEqualTo(TELEGRAM_SEND)).withRequestBody(containing(subject)));
        assertThat(output.getAll()).contains("Alert to Telegram chat " + TELEGRAM_CHAT + " failed for '" + subject
                + "': " + logged + " (the bot token is not logged)").doesNotContain(TOKEN_SECRET);
        assertThat(alerts.count(kind, "sent")).isEqualTo(1);
    }

    private long emailsAbout(String subject) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> subject(message).equals(subject)).count();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theTokenIsInNoResponseAndNoLogLine(CapturedOutput output) {
        // a failure quotes camel-telegram's URL, /bot<token>/sendMessage, where it can
        TELEGRAM.stubFor(post(TELEGRAM_SEND).willReturn(aResponse().withStatus(404)
                .withBody("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}")));
        alerts.raise("telegram-test-leak", "Ztrade: telegram-test-leak", "a failure");

        List<String> reads = List.of("/actuator/env", "/actuator/configprops", "/actuator/configprops/ztrade.alerts",
                "/actuator/env/ztrade.alerts.telegram.bot-token", "/actuator/env/ZTRADE_ALERT_TELEGRAM_BOT_TOKEN",
                "/actuator/jolokia/read/org.apache.camel:type=components,*",
                "/actuator/jolokia/read/org.apache.camel:type=endpoints,*",
                "/actuator/jolokia/read/org.apache.camel:type=routes,*",
                "/actuator/jolokia/read/org.apache.camel:type=context,*", "/actuator/jolokia/list",
                "/actuator/jolokia/read/org.springframework.boot:*", "/actuator/health", "/actuator/info",
                "/actuator/prometheus", "/api/failures", "/api/agents", "/v3/api-docs");
        for (TestRestTemplate client : List.of(admin(), viewer())) {
            for (String path : reads) {
                ResponseEntity<String> response = client.getForEntity(path, String.class);
                assertThat(response.getBody() == null ? "" : response.getBody()).as(path).doesNotContain(TOKEN_SECRET);
            }
        }
        assertThat(output.getAll()).contains("failed for 'Ztrade: telegram-test-leak': HTTP 404: Not Found")
                .doesNotContain(TOKEN_SECRET);
    }
}
