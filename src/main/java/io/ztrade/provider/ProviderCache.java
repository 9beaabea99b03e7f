package io.ztrade.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * Provider answers kept for reuse (news sentiment, later quotes and bars), so a quota-limited provider is asked
 * once per key and time-to-live. In memory in the embedded default ({@link InMemoryProviderCache}); in Redis in
 * production ({@link RedisProviderCache}), shared by every node. A cache that cannot answer is a miss, never an
 * error: the caller asks the provider.
 */
public interface ProviderCache {

    /**
     * @param cache a name per kind of answer, e.g. {@code news-sentiment}
     * @param key   what the answer is about, e.g. the ticker
     */
    <T> Optional<T> get(String cache, String key, Class<T> type);

    /** Keeps the value for ttl; a ttl of zero or less keeps nothing. */
    void put(String cache, String key, Object value, Duration ttl);
}
