package io.ztrade.sentiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.provider.ProviderCache;
import java.time.Duration;
import java.util.Optional;

/**
 * Sentiment readings in the {@link ProviderCache}, as JSON so a shared store can hold them. Only available readings
 * are kept: a throttle or an outage must be asked again next time, never replayed.
 */
final class CachedReadings {

    private final ProviderCache cache;
    private final ObjectMapper mapper;

    CachedReadings(ProviderCache cache, ObjectMapper mapper) {
        this.cache = cache;
        this.mapper = mapper;
    }

    Optional<SentimentReading> get(String key) {
        return cache.get(key).flatMap(json -> {
            try {
                return Optional.of(mapper.readValue(json, SentimentReading.class));
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        });
    }

    void putIfAvailable(String key, SentimentReading reading, Duration ttl) {
        if (reading.unavailable()) {
            return;
        }
        try {
            cache.put(key, mapper.writeValueAsString(reading), ttl);
        } catch (JsonProcessingException e) {
            // not cached: the next run asks again
        }
    }
}
