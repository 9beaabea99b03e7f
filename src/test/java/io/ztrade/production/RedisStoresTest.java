package io.ztrade.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.broker.RedisIdempotentRepository;
import io.ztrade.provider.RedisProviderCache;
import io.ztrade.sentiment.SentimentReading;
import java.time.Duration;
import java.util.List;
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
        RedisProviderCache nodeA = new RedisProviderCache(redis, prefix + "cache:", new ObjectMapper());
        RedisProviderCache nodeB = new RedisProviderCache(redis, prefix + "cache:", new ObjectMapper());
        SentimentReading reading = new SentimentReading(0.42, 0.7, List.of("alphavantage"), 3, null);

        nodeA.put("news-sentiment", "TSLA", reading, Duration.ofMinutes(15));

        assertThat(nodeB.get("news-sentiment", "TSLA", SentimentReading.class)).contains(reading);
        assertThat(redis.getExpire(prefix + "cache:news-sentiment:TSLA")).isBetween(1L, 900L);
        assertThat(nodeB.get("news-sentiment", "IWM", SentimentReading.class)).isEmpty();
    }

    @Test
    void aZeroTimeToLiveCachesNothing() {
        RedisProviderCache cache = new RedisProviderCache(redis, prefix + "cache:", new ObjectMapper());
        cache.put("news-sentiment", "TSLA", new SentimentReading(0.1, 0.1, List.of("x"), 1, null), Duration.ZERO);
        assertThat(cache.get("news-sentiment", "TSLA", SentimentReading.class)).isEmpty();
    }
}
