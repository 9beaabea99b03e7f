package io.ztrade.agent;

import org.apache.camel.LoggingLevel;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The redelivery of a failed step, named by the agent template ({@code redeliveryPolicyRef: agentRedeliveryPolicy}).
 * A bean rather than {@code maximumRedeliveries: "{{ztrade.retry.max-redeliveries}}"} in the YAML: the Camel YAML DSL
 * schema (Kaoto, VS Code) wants a number there, and a placeholder is a string.
 */
@Configuration(proxyBeanMethods = false)
class AgentRedelivery {

    static final String POLICY = "agentRedeliveryPolicy";

    @Bean(POLICY)
    RedeliveryPolicy agentRedeliveryPolicy(RetryProperties retry) {
        return new RedeliveryPolicy()
                .maximumRedeliveries(retry.maxRedeliveries())
                .redeliveryDelay(retry.delayMs())
                // each retry is worth a line in the log; the final failure is alerted by direct:runFailed
                .retryAttemptedLogLevel(LoggingLevel.WARN);
    }
}
