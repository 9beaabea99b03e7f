package io.ztrade.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.provider.SecretMasker;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.telegram.TelegramComponent;
import org.apache.camel.component.telegram.model.MessageResult;
import org.apache.camel.component.telegram.model.OutgoingTextMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;

/**
 * Sends alerts to a Telegram chat through camel-telegram ({@code direct:alertTelegram}, the Bot API's
 * {@code sendMessage}). The token is set on the component, not in the endpoint URI, so no route, MBean or endpoint
 * list shows it; the Bot API puts it in every URL ({@code /bot<token>/sendMessage}), and camel-telegram quotes that URL
 * in its errors, so a failure is logged in Ztrade's words, the token masked, and never thrown.
 */
@Component
@Conditional(TelegramAlertChannel.Configured.class)
class TelegramAlertChannel extends RouteBuilder implements AlertChannel {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramAlertChannel.class);

    /** The Bot API's longest message. */
    static final int MAX_TEXT = 4096;

    /** camel-telegram's error for an answer that is not 2xx: {@code <url> responded: <status><body>}. */
    private static final Pattern NOT_OK = Pattern.compile("responded: (\\d{3})(.*)", Pattern.DOTALL);

    private final AlertProperties.Telegram telegram;
    private final ProducerTemplate producer;
    private final SecretMasker masker;
    private final ObjectMapper mapper = new ObjectMapper();

    TelegramAlertChannel(AlertProperties properties, CamelContext camel, SecretMasker masker) {
        this.telegram = properties.telegram();
        this.producer = camel.createProducerTemplate();
        this.masker = masker;
    }

    @Override
    public void configure() {
        TelegramComponent component = getCamelContext().getComponent("telegram", TelegramComponent.class);
        component.setAuthorizationToken(telegram.botToken());
        component.setBaseUri(telegram.baseUri());
        component.setClient(new TimeoutHttpClient(telegram.timeout()));

        // no error handler: its log of a failure would quote the URL, token and all; send() logs it masked
        from("direct:alertTelegram").routeId("alert-telegram").errorHandler(noErrorHandler())
                .to("telegram:bots").id("sendAlertTelegram");
    }

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public void send(Alert alert) {
        OutgoingTextMessage message = new OutgoingTextMessage();
        message.setChatId(telegram.chatId());
        String text = alert.subject() + "\n\n" + alert.text();
        message.setText(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text);
        message.setDisableWebPagePreview(true);
        try {
            Object answer = producer.requestBody("direct:alertTelegram", message);
            if (answer instanceof MessageResult result && !result.isOk()) {
                LOG.error("Alert to Telegram chat {} failed for '{}': the Bot API answered ok=false (the bot token is not"
                        + " logged)", telegram.chatId(), alert.subject());
            }
        } catch (Exception e) {
            LOG.error("Alert to Telegram chat {} failed for '{}': {} (the bot token is not logged)", telegram.chatId(),
                    alert.subject(), masked(why(e)));
        }
    }

    /** What went wrong, in words, from camel-telegram's exception (whose messages carry the token's URL). */
    String why(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException) {
                return "no answer within " + telegram.timeout();
            }
            if (cause instanceof ConnectException) {
                return "cannot connect to " + URI.create(telegram.baseUri()).getHost();
            }
            if (cause instanceof JsonProcessingException) {
                return "its answer is not the Bot API's JSON";
            }
            Matcher notOk = cause.getMessage() == null ? null : NOT_OK.matcher(cause.getMessage());
            if (notOk != null && notOk.find()) {
                return "HTTP " + notOk.group(1) + described(notOk.group(2));
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** The Bot API's {@code {"ok":false,"error_code":401,"description":"Unauthorized"}}, else what it said. */
    private String described(String body) {
        try {
            JsonNode error = mapper.readTree(body);
            if (error != null && error.hasNonNull("description")) {
                return ": " + error.get("description").asText();
            }
        } catch (JsonProcessingException notJson) {
            // a proxy's or load balancer's page, not the Bot API's answer
        }
        String said = body.strip();
        return said.isEmpty() ? "" : " (not the Bot API's JSON: " + (said.length() > 200 ? said.substring(0, 200) + "…" : said) + ")";
    }

    private String masked(String text) {
        return masker.mask(text.replace(telegram.botToken(), "***"));
    }

    /** On when the bot's token and the chat id are both set (read without putting the token in an expression). */
    static final class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String token = context.getEnvironment().getProperty("ztrade.alerts.telegram.bot-token", "");
            String chat = context.getEnvironment().getProperty("ztrade.alerts.telegram.chat-id", "");
            return !token.isBlank() && !chat.isBlank();
        }
    }
}
