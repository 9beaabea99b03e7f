package io.ztrade.management;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.ztrade.PipelineTestSupport;
import io.ztrade.alert.QuietNotifier;
import io.ztrade.broker.Broker;
import io.ztrade.market.MarketDataProvider;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * One Spring context for the operations tests (security, kill switch, alerts, console): the test agents on the
 * simulator, an Alpaca secret that must never show, alerts to an in-process SMTP server (GreenMail) and a WireMock
 * webhook, and spies on the market data and the broker so a test can make runs fail or see that no order was sent.
 */
@CamelSpringBootTest
// Camel tests switch JMX off by default; Hawtio and the MBeans need it
@DisableJmx(false)
@AutoConfigureMockMvc
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ztrade.alpaca.secret-key=" + OperationsTestSupport.SECRET,
        "ztrade.alerts.email.to=desk@example.com",
        "ztrade.alerts.telegram.bot-token=" + OperationsTestSupport.TELEGRAM_TOKEN,
        "ztrade.alerts.telegram.chat-id=" + OperationsTestSupport.TELEGRAM_CHAT,
        "ztrade.alerts.quiet-period=1h"})
public abstract class OperationsTestSupport extends PipelineTestSupport {

    /** Configured like ALPACA_SECRET_KEY; no response may ever contain it. */
    public static final String SECRET = "sk-test-ZTRADE-SECRET-4f9c2a";

    /** Configured like ZTRADE_ALERT_TELEGRAM_BOT_TOKEN (a real token's shape); no response or log line may contain it. */
    public static final String TELEGRAM_TOKEN = "7123456789:AAF-ztradeOpsToken_9d3e1bQrStUvWx0";
    public static final String TELEGRAM_CHAT = "-1001234567890";
    /** The Bot API's sendMessage, as camel-telegram calls it. */
    protected static final String TELEGRAM_SEND = "/bot" + TELEGRAM_TOKEN + "/sendMessage";

    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String OPERATOR_PASSWORD = "test-operator-password";
    public static final String VIEWER_PASSWORD = "test-viewer-password";

    protected static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    protected static final WireMockServer WEBHOOK = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    /** The Telegram Bot API; quiet, since WireMock's own log would quote its URLs, token and all. */
    protected static final WireMockServer TELEGRAM = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .notifier(new QuietNotifier()));

    @Autowired
    protected TestRestTemplate anonymous;

    @MockitoSpyBean
    protected MarketDataProvider marketData;

    @MockitoSpyBean
    protected Broker broker;

    @DynamicPropertySource
    static void alertChannels(DynamicPropertyRegistry registry) {
        startStubs();
        registry.add("ztrade.alerts.email.smtp-host", () -> "127.0.0.1");
        registry.add("ztrade.alerts.email.smtp-port", () -> SMTP.getSmtp().getPort());
        registry.add("ztrade.alerts.webhook.url", () -> WEBHOOK.baseUrl() + "/hooks/desk");
        registry.add("ztrade.alerts.telegram.base-uri", TELEGRAM::baseUrl);
    }

    static synchronized void startStubs() {
        if (!WEBHOOK.isRunning()) {
            SMTP.start();
            WEBHOOK.start();
            WEBHOOK.stubFor(WireMock.post("/hooks/desk").willReturn(WireMock.ok("ok")));
            TELEGRAM.start();
            telegramAnswers();
        }
    }

    /** The Bot API's documented answer to sendMessage: the Message sent. */
    protected static void telegramAnswers() {
        TELEGRAM.resetAll();
        TELEGRAM.stubFor(WireMock.post(TELEGRAM_SEND).willReturn(WireMock.okJson("""
                {"ok":true,"result":{"message_id":42,"from":{"id":7123456789,"is_bot":true,"first_name":"Ztrade",
                 "username":"ztrade_desk_bot"},"chat":{"id":-1001234567890,"title":"Desk","type":"supergroup"},
                 "date":1764780000,"text":"Ztrade"}}
                """)));
    }

    protected TestRestTemplate admin() {
        return anonymous.withBasicAuth("admin", ADMIN_PASSWORD);
    }

    protected TestRestTemplate operator() {
        return anonymous.withBasicAuth("operator", OPERATOR_PASSWORD);
    }

    protected TestRestTemplate viewer() {
        return anonymous.withBasicAuth("viewer", VIEWER_PASSWORD);
    }
}
