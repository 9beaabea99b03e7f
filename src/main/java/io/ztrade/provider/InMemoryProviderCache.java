package io.ztrade.provider;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Optional;

/** The embedded default's {@link ProviderCache}: Caffeine, each entry with its own time to live. */
public class InMemoryProviderCache implements ProviderCache {

    private record Entry(String value, Duration ttl) {
    }

    private final Cache<String, Entry> cache = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfter(new Expiry<String, Entry>() {
                @Override
                public long expireAfterCreate(String key, Entry entry, long now) {
                    return entry.ttl().toNanos();
                }

                @Override
                public long expireAfterUpdate(String key, Entry entry, long now, long current) {
                    return entry.ttl().toNanos();
                }

                @Override
                public long expireAfterRead(String key, Entry entry, long now, long current) {
                    return current;
                }
            }).build();

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(cache.getIfPresent(key)).map(Entry::value);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            return;
        }
        cache.put(key, new Entry(value, ttl));
    }
}
