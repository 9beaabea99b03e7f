package io.ztrade.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The production provider cache: JSON values in Redis under {@code <prefix><cache>:<key>} with a TTL, shared by
 * every node, so two nodes spend the news quota once. When Redis is down it passes through (every get a miss, every
 * put dropped) with one warning per outage, and says so again when Redis is back.
 */
public class RedisProviderCache implements ProviderCache {

    private static final Logger LOG = LoggerFactory.getLogger(RedisProviderCache.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final ObjectMapper mapper;
    private final AtomicBoolean down = new AtomicBoolean();

    public RedisProviderCache(StringRedisTemplate redis, String prefix, ObjectMapper mapper) {
        this.redis = redis;
        this.prefix = prefix;
        this.mapper = mapper;
    }

    @Override
    public <T> Optional<T> get(String cache, String key, Class<T> type) {
        String json;
        try {
            json = redis.opsForValue().get(prefix + cache + ':' + key);
            up();
        } catch (RuntimeException e) {
            failed(e);
            return Optional.empty();
        }
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(json, type));
        } catch (Exception unreadable) {
            LOG.warn("Ignoring cached {} {}: not a {} ({})", cache, key, type.getSimpleName(), unreadable.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void put(String cache, String key, Object value, Duration ttl) {
        if (value == null || ttl == null || ttl.compareTo(Duration.ZERO) <= 0) {
            return;
        }
        try {
            redis.opsForValue().set(prefix + cache + ':' + key, mapper.writeValueAsString(value), ttl);
            up();
        } catch (RuntimeException e) {
            failed(e);
        } catch (Exception notJson) {
            LOG.warn("Cannot cache {} {} as JSON: {}", cache, key, notJson.getMessage());
        }
    }

    private void failed(RuntimeException e) {
        if (down.compareAndSet(false, true)) {
            LOG.warn("Redis provider cache unavailable ({}); passing through to the providers until it is back",
                    e.getMessage());
        }
    }

    private void up() {
        if (down.compareAndSet(true, false)) {
            LOG.info("Redis provider cache is back");
        }
    }
}
