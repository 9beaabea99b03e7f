package io.ztrade.management;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ztrade.shutdown.*}: how a SIGTERM ends the runs under way.
 *
 * @param timeout how long running runs get to finish before each one still going is recorded INTERRUPTED; keep it
 *                about 10 s under the platform's grace period (Kubernetes' terminationGracePeriodSeconds: 30 s by
 *                default), which also covers writing those records and stopping Camel
 */
@ConfigurationProperties("ztrade.shutdown")
public record ShutdownProperties(@DefaultValue("20s") Duration timeout) {

    public ShutdownProperties {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("ztrade.shutdown.timeout must not be negative, got " + timeout);
        }
    }
}
