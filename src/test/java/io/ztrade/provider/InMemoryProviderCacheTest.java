package io.ztrade.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryProviderCacheTest {

    private final InMemoryProviderCache cache = new InMemoryProviderCache();

    @Test
    void keepsAValuePerKey() {
        cache.put("alphavantage:TSLA", "bullish", Duration.ofMinutes(15));
        assertThat(cache.get("alphavantage:TSLA")).contains("bullish");
        assertThat(cache.get("alphavantage:IWM")).isEmpty();
        assertThat(cache.get("reddit:TSLA")).isEmpty();
    }

    @Test
    void aZeroTimeToLiveKeepsNothing() {
        cache.put("alphavantage:TSLA", "bullish", Duration.ZERO);
        assertThat(cache.get("alphavantage:TSLA")).isEmpty();
    }
}
