package io.ztrade.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.agent.steps.RedisIdempotentRepository;
import io.ztrade.provider.RedisProviderCache;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The Redis-backed order ids and provider cache on the real Redis, as two nodes see them. */
class RedisStoresTest {

    private final String prefix = ProductionServices.redisPrefix();
    private LettuceConnectionFactory connections;
    private StringRedisTemplate redis;

    @BeforeEach
    void connect() {
        ProductionServices.requireRedis();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1",
                ProductionServices.REDIS_PORT));
        connections.afterPropertiesSet();
        redis = new StringRedisTemplate(connections);
        redis.afterPropertiesSet();
    }

    @AfterEach
    void cleanUp() {
        redis.delete(redis.keys(prefix + "*"));
        connections.destroy();
    }

    @Test
    void onlyOneNodeGetsToSubmitAClientOrderId() {
        RedisIdempotentRepository nodeA = new RedisIdempotentRepository(redis, prefix + "order:", Duration.ofMinutes(5));
        RedisIdempotentRepository nodeB = new RedisIdempotentRepository(redis, prefix + "order:", Duration.ofMinutes(5));

        assertThat(nodeA.add("zt-agent_btc-1795641600")).isTrue();
        assertThat(nodeB.add("zt-agent_btc-1795641600")).isFalse();
        assertThat(nodeB.contains("zt-agent_btc-1795641600")).isTrue();
        assertThat(redis.getExpire(prefix + "order:zt-agent_btc-1795641600")).isBetween(1L, 300L);

        // a failed attempt releases the id, so the run's redelivery can submit it
        assertThat(nodeA.remove("zt-agent_btc-1795641600")).isTrue();
        assertThat(nodeB.add("zt-agent_btc-1795641600")).isTrue();
    }

    @Test
    void cachedReadingsAreSharedWithTheirTimeToLive() {
        RedisProviderCache nodeA = new RedisProviderCache(redis, prefix + "cache:");
        RedisProviderCache nodeB = new RedisProviderCache(redis, prefix + "cache:");
        String reading = "{\"score\":0.42,\"confidence\":0.7}";

        nodeA.put("alphavantage:TSLA", reading, Duration.ofMinutes(15));

        assertThat(nodeB.get("alphavantage:TSLA")).contains(reading);
        assertThat(redis.getExpire(prefix + "cache:alphavantage:TSLA")).isBetween(1L, 900L);
        assertThat(nodeB.get("alphavantage:IWM")).isEmpty();
    }

    @Test
    void aZeroTimeToLiveCachesNothing() {
        RedisProviderCache cache = new RedisProviderCache(redis, prefix + "cache:");
        cache.put("alphavantage:TSLA", "{}", Duration.ZERO);
        assertThat(cache.get("alphavantage:TSLA")).isEmpty();
    }
}
