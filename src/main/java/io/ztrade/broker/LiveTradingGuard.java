package io.ztrade.broker;

import io.ztrade.provider.AlpacaProperties;
import io.ztrade.provider.ProviderEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Real money needs two deliberate settings: a live Alpaca URL and {@code ztrade.broker.allow-live=true}. A live URL
 * alone (a copied .env, a typo'd profile) stops start-up before any agent can trade. Live is every URL that is not
 * known to be paper ({@link AlpacaProperties#isLive}): an alias, an IP or {@code api.alpaca.markets.} is live too.
 * The data URL carries no orders, so it needs no such setting.
 */
@Component
class LiveTradingGuard {

    private static final Logger LOG = LoggerFactory.getLogger(LiveTradingGuard.class);

    LiveTradingGuard(AlpacaProperties alpaca, BrokerProperties broker) {
        if (AlpacaProperties.isLive(alpaca.baseUrl())) {
            String target = ProviderEndpoints.withoutQuery(alpaca.baseUrl().trim());
            if (!broker.allowLive()) {
                throw new IllegalStateException("ALPACA_BASE_URL " + target + " is not a known paper or simulator host ("
                        + AlpacaProperties.PAPER_HOST + ", localhost, 127.0.0.0/8, ::1), so it may trade real money, but"
                        + " ztrade.broker.allow-live is false; set ZTRADE_BROKER_ALLOW_LIVE=true"
                        + " (ztrade.broker.allow-live=true) to trade live, or use " + AlpacaProperties.PAPER_URL
                        + " for paper trading");
            }
            LOG.warn("LIVE TRADING: orders go to {} with real money (ztrade.broker.allow-live=true)", target);
        }
    }
}
