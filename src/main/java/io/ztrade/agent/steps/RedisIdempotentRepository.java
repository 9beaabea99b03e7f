package io.ztrade.agent.steps;

import java.time.Duration;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Submitted client order ids in Redis, shared by every node: {@code SET key NX EX ttl} lets exactly one caller
 * through per id. When Redis cannot answer, the order goes on to the broker, whose client_order_id uniqueness check
 * then refuses a second order with the same id ({@link AlpacaBroker} reports the existing order instead): Redis
 * being down never stops trading and never sends an order twice.
 */
public class RedisIdempotentRepository extends ServiceSupport implements IdempotentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(RedisIdempotentRepository.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final Duration ttl;

    public RedisIdempotentRepository(StringRedisTemplate redis, String prefix, Duration ttl) {
        this.redis = redis;
        this.prefix = prefix;
        this.ttl = ttl;
    }

    @Override
    public boolean add(String clientOrderId) {
        try {
            return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(prefix + clientOrderId, "1", ttl));
        } catch (RuntimeException e) {
            LOG.warn("Redis cannot record client order id {} ({}); the broker's client_order_id check guards it instead",
                    clientOrderId, e.getMessage());
            return true;
        }
    }

    @Override
    public boolean contains(String clientOrderId) {
        try {
            return Boolean.TRUE.equals(redis.hasKey(prefix + clientOrderId));
        } catch (RuntimeException e) {
            LOG.warn("Redis cannot look up client order id {} ({})", clientOrderId, e.getMessage());
            return false;
        }
    }

    @Override
    public boolean remove(String clientOrderId) {
        try {
            return Boolean.TRUE.equals(redis.delete(prefix + clientOrderId));
        } catch (RuntimeException e) {
            LOG.warn("Redis cannot release client order id {} ({}); it expires after {}", clientOrderId, e.getMessage(), ttl);
            return false;
        }
    }

    @Override
    public boolean confirm(String clientOrderId) {
        return true;
    }

    /** Never forgets submitted orders in bulk: a cleared repository would let a retry through. */
    @Override
    public void clear() {
        LOG.warn("Ignoring a request to clear the submitted client order ids in Redis");
    }
}
