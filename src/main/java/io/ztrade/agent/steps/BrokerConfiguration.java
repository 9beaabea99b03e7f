package io.ztrade.agent.steps;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The repository of submitted client order ids that {@code direct:submitOrder} (BrokerRoutes) is idempotent on. */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

    /** The embedded default's repository of submitted client order ids; production replaces it with Redis. */
    @Bean
    @ConditionalOnMissingBean(IdempotentRepository.class)
    IdempotentRepository submittedOrderIds() {
        return MemoryIdempotentRepository.memoryIdempotentRepository(10_000);
    }
}
