package io.ztrade.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * A small TTL cache for provider answers (news sentiment, Reddit tokens, the Alpaca clock), so quota-limited APIs are
 * not called on every run. Values are strings (JSON) so that a shared store such as Redis can implement it.
 */
public interface ProviderCache {

    /** @param key namespaced by provider, e.g. {@code alphavantage:TSLA} */
    Optional<String> get(String key);

    void put(String key, String value, Duration ttl);
}
