package io.ztrade.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryProviderCacheTest {

    private final InMemoryProviderCache cache = new InMemoryProviderCache();

    @Test
    void keepsAValuePerCacheAndKey() {
        cache.put("news-sentiment", "TSLA", "bullish", Duration.ofMinutes(15));
        assertThat(cache.get("news-sentiment", "TSLA", String.class)).contains("bullish");
        assertThat(cache.get("news-sentiment", "IWM", String.class)).isEmpty();
        assertThat(cache.get("quotes", "TSLA", String.class)).isEmpty();
    }

    @Test
    void aZeroTimeToLiveKeepsNothing() {
        cache.put("news-sentiment", "TSLA", "bullish", Duration.ZERO);
        assertThat(cache.get("news-sentiment", "TSLA", String.class)).isEmpty();
    }

    @Test
    void aValueOfAnotherTypeIsAMiss() {
        cache.put("news-sentiment", "TSLA", 42, Duration.ofMinutes(1));
        assertThat(cache.get("news-sentiment", "TSLA", String.class)).isEmpty();
    }
}
