package io.ztrade.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.provider.InMemoryProviderCache;
import io.ztrade.provider.ProviderCache;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import io.ztrade.PipelineTestSupport;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;

/**
 * Without the production settings nothing of the production topology is there: no Redis, Quartz in memory. Read
 * from the pipeline tests' shared context, the embedded default as the test profile starts it.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedDefaultTest extends PipelineTestSupport {

    @Autowired
    private ApplicationContext context;

    @Test
    void theEmbeddedDefaultUsesNoRedisAndAnInMemoryScheduler() throws Exception {
        assertThat(context.getBeansOfType(RedisConnectionFactory.class)).isEmpty();
        assertThat(context.getBean(IdempotentRepository.class)).isInstanceOf(MemoryIdempotentRepository.class);
        assertThat(context.getBean(ProviderCache.class)).isInstanceOf(InMemoryProviderCache.class);
        assertThat(context.getBean(CamelContext.class).getComponent("quartz", QuartzComponent.class).getScheduler()
                .getMetaData().isJobStoreClustered()).isFalse();
    }
}
