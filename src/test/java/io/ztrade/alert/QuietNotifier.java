package io.ztrade.alert;

import com.github.tomakehurst.wiremock.common.Notifier;

/**
 * For a WireMock stub of the Telegram Bot API: WireMock's own log lines would quote the stub's URLs, the bot's token
 * and all, where only the app's lines are under test.
 */
public final class QuietNotifier implements Notifier {
    @Override
    public void info(String message) {
    }

    @Override
    public void error(String message) {
    }

    @Override
    public void error(String message, Throwable t) {
    }
}
