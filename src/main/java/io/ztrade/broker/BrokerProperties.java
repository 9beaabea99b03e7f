package io.ztrade.broker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the broker stage behaves.
 *
 * @param allowLive        must be true to trade with real money at api.alpaca.markets (defaults to false:
 *                         start-up refuses a live URL without it)
 * @param fillTimeout      how long to poll a submitted order for its fill before recording it as submitted
 *                         (defaults to 30 seconds; 0 records the first answer)
 * @param fillPollInterval the wait between two polls of an order (defaults to 1 second)
 */
@ConfigurationProperties("ztrade.broker")
public record BrokerProperties(@DefaultValue("false") boolean allowLive,
                               @DefaultValue("30s") Duration fillTimeout,
                               @DefaultValue("1s") Duration fillPollInterval) {

    public BrokerProperties {
        if (fillTimeout.isNegative() || fillPollInterval.isNegative() || fillPollInterval.isZero()) {
            throw new IllegalArgumentException("ztrade.broker.fill-timeout must be >= 0 and fill-poll-interval > 0, got "
                    + fillTimeout + " and " + fillPollInterval);
        }
    }
}
