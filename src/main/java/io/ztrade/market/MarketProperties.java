package io.ztrade.market;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Market data checks.
 *
 * @param maxQuoteAge a price older than this, while the market is in session, is stale: bad data, never a trade
 *                    (defaults to 5 minutes; outside the stock session the last print is naturally old, so a
 *                    stock quote is only checked in session, a crypto quote always)
 */
@ConfigurationProperties("ztrade.market")
public record MarketProperties(@DefaultValue("5m") Duration maxQuoteAge) {

    public MarketProperties {
        if (maxQuoteAge.isNegative() || maxQuoteAge.isZero()) {
            throw new IllegalArgumentException("ztrade.market.max-quote-age must be positive, got " + maxQuoteAge);
        }
    }
}
