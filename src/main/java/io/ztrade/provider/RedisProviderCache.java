package io.ztrade.provider;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The production provider cache: values (JSON text) in Redis under {@code <prefix><key>} with a TTL, shared by
 * every node, so two nodes spend the news quota once. When Redis is down it passes through (every get a miss, every
 * put dropped) with one warning per outage, and says so again when Redis is back.
 */
public class RedisProviderCache implements ProviderCache {

    private static final Logger LOG = LoggerFactory.getLogger(RedisProviderCache.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final AtomicBoolean down = new AtomicBoolean();

    public RedisProviderCache(StringRedisTemplate redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public Optional<String> get(String key) {
        try {
            String value = redis.opsForValue().get(prefix + key);
            up();
            return Optional.ofNullable(value);
        } catch (RuntimeException e) {
            failed(e);
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        if (value == null || ttl == null || ttl.compareTo(Duration.ZERO) <= 0) {
            return;
        }
        try {
            redis.opsForValue().set(prefix + key, value, ttl);
            up();
        } catch (RuntimeException e) {
            failed(e);
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
