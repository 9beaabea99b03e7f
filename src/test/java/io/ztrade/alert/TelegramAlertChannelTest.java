package io.ztrade.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.ztrade.provider.SecretMasker;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * The Telegram channel against a WireMock stub of the Bot API, its answers as documented
 * (https://core.telegram.org/bots/api#making-requests): {@code {"ok":true,"result":Message}} on success,
 * {@code {"ok":false,"error_code":...,"description":...}} with the same HTTP status otherwise. The output is captured
 * from the Camel context's start to its stop: the token may be in no line of it.
 */
@ExtendWith(OutputCaptureExtension.class)
class TelegramAlertChannelTest {

    /** The shape of a real token: the bot's id, a colon, 35 characters. */
    static final String TOKEN = "7123456789:AAF-ztradeTestToken_4f9c2aQrStUvWx0";
    static final String CHAT = "-1001234567890";
    static final String SEND = "/bot" + TOKEN + "/sendMessage";

    /** sendMessage's answer: the Message sent. */
    static final String SENT = """
            {"ok":true,"result":{"message_id":42,"from":{"id":7123456789,"is_bot":true,"first_name":"Ztrade",
             "username":"ztrade_desk_bot"},"chat":{"id":-1001234567890,"title":"Desk","type":"supergroup"},
             "date":1764780000,"text":"Ztrade: agent_btc run FAILED"}}
            """;

    static final WireMockServer BOT_API = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .notifier(new QuietNotifier()));

    CamelContext camel;

    @BeforeAll
    static void start() {
        BOT_API.start();
    }

    @AfterAll
    static void stop() {
        BOT_API.stop();
    }

    @AfterEach
    void stopCamel() {
        if (camel != null) {
            camel.stop();
        }
        BOT_API.resetAll();
    }

    /** Time enough for any answer of the stub's on a loaded machine; only the test of a silent API waits less. */
    TelegramAlertChannel channel(String baseUri) throws Exception {
        return channel(baseUri, Duration.ofSeconds(10));
    }

    TelegramAlertChannel channel(String baseUri, Duration timeout) throws Exception {
        AlertProperties.Telegram telegram = new AlertProperties.Telegram(TOKEN, CHAT, baseUri, timeout);
        AlertProperties properties = new AlertProperties(Duration.ofMinutes(15), null, null, telegram);
        camel = new DefaultCamelContext();
        TelegramAlertChannel channel = new TelegramAlertChannel(properties, camel,
                new SecretMasker(new MockEnvironment()));
        camel.addRoutes(channel);
        camel.start();
        return channel;
    }

    static Alert alert(String subject) {
        return new Alert("run-failed", subject, "agent_btc (BTC/USD) run 17 FAILED after its redeliveries: quote too old",
                Instant.parse("2026-12-03T15:00:00Z"));
    }

    @Test
    void anAlertIsPostedToSendMessageWithTheChatIdAndText(CapturedOutput output) throws Exception {
        BOT_API.stubFor(post(SEND).willReturn(okJson(SENT)));

        channel(BOT_API.baseUrl()).send(alert("Ztrade: agent_btc run FAILED"));

        BOT_API.verify(1, postRequestedFor(urlEqualTo(SEND)).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(CHAT)))
                .withRequestBody(matchingJsonPath("$.text", equalTo("Ztrade: agent_btc run FAILED\n\nagent_btc (BTC/USD)"
                        + " run 17 FAILED after its redeliveries: quote too old"))));
        camel.stop();
        assertThat(output.getAll()).doesNotContain(TOKEN).doesNotContain("failed for");
    }

    @Test
    void aLongAlertIsCutToTheLongestMessageTheBotApiTakes() throws Exception {
        BOT_API.stubFor(post(SEND).willReturn(okJson(SENT)));

        channel(BOT_API.baseUrl()).send(new Alert("run-failed", "s", "x".repeat(5000), Instant.now()));

        BOT_API.verify(1, postRequestedFor(urlEqualTo(SEND)).withRequestBody(
                matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock.matching("s\n\nx{4092}…"))));
    }

    @Test
    void anUnauthorizedTokenIsLoggedInTheBotApisWordsWithoutTheToken(CapturedOutput output) throws Exception {
        failsWith(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"), output,
                "failed for 'Ztrade: agent_btc run FAILED': HTTP 401: Unauthorized (the bot token is not logged)");
    }

    @Test
    void anUnknownChatIsLoggedInTheBotApisWords(CapturedOutput output) throws Exception {
        failsWith(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}"), output,
                "Alert to Telegram chat " + CHAT + " failed for 'Ztrade: agent_btc run FAILED': HTTP 400: Bad Request:"
                        + " chat not found");
    }

    @Test
    void aRateLimitIsLoggedInTheBotApisWords(CapturedOutput output) throws Exception {
        failsWith(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 5\","
                        + "\"parameters\":{\"retry_after\":5}}"), output,
                "failed for 'Ztrade: agent_btc run FAILED': HTTP 429: Too Many Requests: retry after 5");
    }

    @Test
    void aServerErrorIsLogged(CapturedOutput output) throws Exception {
        failsWith(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><body>502 Bad Gateway</body></html>"), output,
                "HTTP 502 (not the Bot API's JSON: <html><body>502 Bad Gateway</body></html>)");
    }

    @Test
    void anAnswerThatIsNotJsonIsLogged(CapturedOutput output) throws Exception {
        failsWith(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"ok\":tru"),
                output, "failed for 'Ztrade: agent_btc run FAILED': its answer is not the Bot API's JSON");
    }

    @Test
    void aBotApiThatDoesNotAnswerIsGivenUpOn(CapturedOutput output) throws Exception {
        failsWith(okJson(SENT).withFixedDelay(5000), Duration.ofMillis(500), output,
                "failed for 'Ztrade: agent_btc run FAILED': no answer within PT0.5S");
    }

    @Test
    void aBotApiThatCannotBeReachedIsLogged(CapturedOutput output) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        TelegramAlertChannel channel = channel("http://127.0.0.1:" + closed);

        channel.send(alert("Ztrade: agent_btc run FAILED"));

        camel.stop();
        assertThat(output.getAll()).contains("failed for 'Ztrade: agent_btc run FAILED': cannot connect to 127.0.0.1")
                .doesNotContain(TOKEN);
    }

    /** The channel logs the failure, throws nothing, and its next alert goes out. */
    private void failsWith(ResponseDefinitionBuilder answer, CapturedOutput output, String logged) throws Exception {
        failsWith(answer, Duration.ofSeconds(10), output, logged);
    }

    private void failsWith(ResponseDefinitionBuilder answer, Duration timeout, CapturedOutput output, String logged)
            throws Exception {
        BOT_API.stubFor(post(SEND).withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client
                .WireMock.containing("run FAILED"))).willReturn(answer));
        BOT_API.stubFor(post(SEND).withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client
                .WireMock.containing("kill switch"))).willReturn(okJson(SENT)));
        TelegramAlertChannel channel = channel(BOT_API.baseUrl(), timeout);

        channel.send(alert("Ztrade: agent_btc run FAILED"));
        channel.send(new Alert("kill-switch-on", "Ztrade: kill switch ON", "no orders", Instant.now()));

        BOT_API.verify(1, postRequestedFor(urlEqualTo(SEND)).withRequestBody(equalToJson(
                "{\"chat_id\":\"" + CHAT + "\",\"text\":\"Ztrade: kill switch ON\\n\\nno orders\"}", true, true)));
        camel.stop();
        assertThat(output.getAll()).contains(logged).doesNotContain(TOKEN);
    }
}
