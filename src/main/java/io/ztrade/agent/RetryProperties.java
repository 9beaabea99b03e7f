package io.ztrade.agent;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a failed step of a run is retried ({@code ztrade.retry.*}) before the run is recorded FAILED; the agent template's
 * {@code stepFailed} handler uses them through {@link AgentRedelivery}.
 *
 * @param maxRedeliveries times a failed step is tried again (default 2)
 * @param delayMs         wait between those tries, in milliseconds (default 30,000: 30 s, as the Airflow DAGs did)
 */
@Validated
@ConfigurationProperties("ztrade.retry")
public record RetryProperties(
        @DefaultValue("2") @Min(0) int maxRedeliveries,
        @DefaultValue("30000") @Min(0) long delayMs) {
}
