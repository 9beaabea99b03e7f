package io.ztrade.broker;

import io.ztrade.provider.AlpacaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Real money needs two deliberate settings: a live Alpaca URL and {@code ztrade.broker.allow-live=true}. A live URL
 * alone (a copied .env, a typo'd profile) stops start-up before any agent can trade.
 */
@Component
class LiveTradingGuard {

    private static final Logger LOG = LoggerFactory.getLogger(LiveTradingGuard.class);

    LiveTradingGuard(AlpacaProperties alpaca, BrokerProperties broker) {
        if (AlpacaProperties.isLive(alpaca.baseUrl())) {
            if (!broker.allowLive()) {
                throw new IllegalStateException("ALPACA_BASE_URL points at Alpaca's live trading API ("
                        + AlpacaProperties.LIVE_HOST + "), which trades real money, but ztrade.broker.allow-live is false;"
                        + " set ZTRADE_BROKER_ALLOW_LIVE=true (ztrade.broker.allow-live=true) to trade live, or use "
                        + AlpacaProperties.PAPER_URL + " for paper trading");
            }
            LOG.warn("LIVE TRADING: orders go to {} with real money (ztrade.broker.allow-live=true)", AlpacaProperties.LIVE_HOST);
        }
    }
}
