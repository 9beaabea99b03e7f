package io.ztrade.agent;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The thread pools every agent route shares ({@code ztrade.threads.*}); see {@link AgentThreadPools}.
 *
 * @param analyses threads running the sentiment and technical analyses of all agents at once (two per run in
 *                 flight; the default 20 matches camel-quartz's 10 firing threads)
 * @param records  threads writing the performance records the wireTap hands off
 */
@Validated
@ConfigurationProperties("ztrade.threads")
public record AgentThreadsProperties(
        @DefaultValue("20") @Min(2) int analyses,
        @DefaultValue("4") @Min(1) int records) {
}
