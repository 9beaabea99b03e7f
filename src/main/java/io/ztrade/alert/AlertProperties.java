package io.ztrade.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where alerts go ({@code ztrade.alerts.*}). Each channel is on when its address is set; with none, alerts are log
 * lines only.
 *
 * @param quietPeriod after an alert of one kind (run failed, kill switch, breaker open), further alerts of that kind
 *                    are counted but not sent for this long, by any node of a cluster, so an outage sends one alert,
 *                    not hundreds (default 15m)
 * @param email       SMTP settings and recipients
 * @param webhook     a Slack-compatible incoming webhook
 * @param telegram    a Telegram bot's messages to one chat
 */
@ConfigurationProperties("ztrade.alerts")
public record AlertProperties(@DefaultValue("15m") Duration quietPeriod, @DefaultValue Email email,
                              @DefaultValue Webhook webhook, @DefaultValue Telegram telegram) {

    /** SMTP: on when {@code to} and {@code smtpHost} are set. */
    public record Email(String to, @DefaultValue("ztrade@localhost") String from, String smtpHost,
                        @DefaultValue("25") int smtpPort, String username, String password) {
        public boolean enabled() {
            return to != null && !to.isBlank() && smtpHost != null && !smtpHost.isBlank();
        }

        @Override
        public String toString() {
            return "Email[to=" + to + ", from=" + from + ", smtpHost=" + smtpHost + ", smtpPort=" + smtpPort
                    + ", username=" + username + ", password=***]";
        }
    }

    /** A POST of {@code {"text": "..."}}; the URL is a secret (Slack's carries its token) and is never logged. */
    public record Webhook(String url, @DefaultValue("5s") Duration timeout) {
        public boolean enabled() {
            return url != null && !url.isBlank();
        }

        @Override
        public String toString() {
            return "Webhook[url=" + (enabled() ? "***" : "") + ", timeout=" + timeout + "]";
        }
    }

    /**
     * A message to one chat through camel-telegram (the Bot API's {@code sendMessage}): on when the bot's token and
     * the chat id are set. The token is a secret (it is in every Bot API URL) and is never logged or shown.
     *
     * @param botToken the token @BotFather gave the bot ({@code ZTRADE_ALERT_TELEGRAM_BOT_TOKEN})
     * @param chatId   the chat, group or channel it writes to: a number ({@code -100...} for a group) or {@code @name}
     * @param baseUri  the Bot API (a stub's address in tests)
     * @param timeout  the most an answer may take; a slow API is given up on, never waited for
     */
    public record Telegram(String botToken, String chatId, @DefaultValue("https://api.telegram.org") String baseUri,
                           @DefaultValue("5s") Duration timeout) {
        public boolean enabled() {
            return botToken != null && !botToken.isBlank() && chatId != null && !chatId.isBlank();
        }

        @Override
        public String toString() {
            return "Telegram[botToken=" + (botToken == null || botToken.isBlank() ? "" : "***") + ", chatId=" + chatId
                    + ", baseUri=" + baseUri + ", timeout=" + timeout + "]";
        }
    }
}
