package io.ztrade.provider;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The embedded default's provider cache: this node only, each entry with its own time-to-live. */
@Component
public class InMemoryProviderCache implements ProviderCache {

    private record Entry(Object value, Duration ttl) {
    }

    private final Cache<String, Entry> entries = Caffeine.newBuilder()
            .maximumSize(10_000)
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
            })
            .build();

    @Override
    public <T> Optional<T> get(String cache, String key, Class<T> type) {
        Entry entry = entries.getIfPresent(cache + ':' + key);
        return entry == null || !type.isInstance(entry.value()) ? Optional.empty() : Optional.of(type.cast(entry.value()));
    }

    @Override
    public void put(String cache, String key, Object value, Duration ttl) {
        if (value != null && ttl != null && ttl.compareTo(Duration.ZERO) > 0) {
            entries.put(cache + ':' + key, new Entry(value, ttl));
        }
    }
}
