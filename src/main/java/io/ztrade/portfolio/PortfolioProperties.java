package io.ztrade.portfolio;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The portfolio view ({@code ztrade.portfolio.*}).
 *
 * @param cacheFor      how long one read of the broker's books answers every console, API call and gauge: N browsers
 *                      polling every 10 s cost three broker calls per period, not 3 x N (Alpaca allows 200 a minute
 *                      for everything, orders included)
 * @param snapshotEvery how often the desk's and each agent's equity is recorded for the equity curve and drawdown;
 *                      0 records none
 * @param keep          how long snapshots are kept
 */
@Validated
@ConfigurationProperties("ztrade.portfolio")
public record PortfolioProperties(@DefaultValue("15s") Duration cacheFor, @DefaultValue("1m") Duration snapshotEvery,
                                  @DefaultValue("400d") Duration keep) {

    public PortfolioProperties {
        if (cacheFor.isNegative() || snapshotEvery.isNegative() || keep.isNegative()) {
            throw new IllegalArgumentException("ztrade.portfolio durations must not be negative: cache-for " + cacheFor
                    + ", snapshot-every " + snapshotEvery + ", keep " + keep);
        }
    }
}
