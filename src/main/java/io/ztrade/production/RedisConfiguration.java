package io.ztrade.production;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.ztrade.agent.steps.RedisIdempotentRepository;
import io.ztrade.provider.ProviderCache;
import io.ztrade.provider.RedisProviderCache;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis, when {@code ztrade.redis.url} is set (the production profile sets it from ZTRADE_REDIS_URL): the shared
 * provider cache and the repository of submitted client order ids, replacing the in-memory ones. Spring Boot's own
 * Redis auto-configuration stays off (application.yml), so the embedded default never looks for a Redis.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ztrade.redis.url")
class RedisConfiguration {

    @Bean
    LettuceConnectionFactory redisConnectionFactory(RedisProperties redis) {
        RedisURI uri = RedisURI.create(redis.url());
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
        server.setDatabase(uri.getDatabase());
        if (uri.getPassword() != null && uri.getPassword().length > 0) {
            server.setPassword(RedisPassword.of(uri.getPassword()));
        }
        if (uri.getUsername() != null) {
            server.setUsername(uri.getUsername());
        }
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
                .commandTimeout(redis.timeout())
                // a Redis that is down answers at once instead of queueing commands until it is back
                .clientOptions(ClientOptions.builder()
                        .socketOptions(SocketOptions.builder().connectTimeout(redis.timeout()).build())
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .build());
        if (uri.isSsl()) {
            client.useSsl();
        }
        return new LettuceConnectionFactory(server, client.build());
    }

    @Bean
    StringRedisTemplate stringRedisTemplate(LettuceConnectionFactory redisConnectionFactory) {
        return new StringRedisTemplate(redisConnectionFactory);
    }

    /** Two nodes never both submit one client order id: the first SET NX wins, cluster-wide. */
    @Bean
    @Primary
    IdempotentRepository redisSubmittedOrderIds(StringRedisTemplate stringRedisTemplate, RedisProperties redis) {
        return new RedisIdempotentRepository(stringRedisTemplate, redis.keyPrefix() + "order:", redis.orderIdTtl());
    }

    @Bean
    @Primary
    ProviderCache redisProviderCache(StringRedisTemplate stringRedisTemplate, RedisProperties redis) {
        return new RedisProviderCache(stringRedisTemplate, redis.keyPrefix() + "cache:");
    }
}
