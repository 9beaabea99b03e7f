package io.ztrade.market;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A market calendar for tests whose market-hours gate must be known whatever the hour the test runs at. */
public final class AssetClassClosed {

    public static final String WHY = "the test's NYSE never opens";

    private AssetClassClosed() {
    }

    /** The context's calendar with every stock session closed; crypto as ever. */
    @TestConfiguration
    public static class StocksNeverOpen {
        @Bean
        static BeanPostProcessor stocksNeverOpen() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof AlpacaClockCalendar calendar)) {
                        return bean;
                    }
                    return (MarketCalendar) (assetClass, date) -> assetClass == AssetClass.US_EQUITY
                            ? MarketSession.closed(date, WHY) : calendar.session(assetClass, date);
                }
            };
        }
    }
}
