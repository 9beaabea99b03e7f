package io.ztrade.production;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The agents' Quartz scheduler ({@code ztrade.quartz.*}): clustered in PostgreSQL in the production profile, in
 * memory otherwise ({@link QuartzLocalConfiguration}); the thread count and the misfire threshold apply to both.
 *
 * @param clustered              true: the agents' triggers live in PostgreSQL and every node shares them (each fire
 *                               time runs on exactly one node); false: Quartz in memory, as in the embedded default
 * @param instanceName           the cluster's name; every node of one cluster must use the same (defaults to ztrade)
 * @param clusterCheckinInterval how often a node tells the others it is alive; a node silent for about this long
 *                               (plus Quartz's 7.5 s grace) is taken as dead and its in-flight triggers recovered
 *                               on a survivor (defaults to 10 s)
 * @param misfireThreshold       how late a fire time may be and still count as on time (defaults to 60 s); later
 *                               fire times follow the template's misfire instruction (skip, not replay)
 * @param threadCount            worker threads, the runs that can start at once; each agent uses at most one at a
 *                               time (defaults to 10, Quartz's own default)
 */
@Validated
@ConfigurationProperties("ztrade.quartz")
public record QuartzClusterProperties(
        @DefaultValue("false") boolean clustered,
        @DefaultValue("ztrade") @NotBlank String instanceName,
        @DefaultValue("10s") Duration clusterCheckinInterval,
        @DefaultValue("60s") Duration misfireThreshold,
        @DefaultValue("10") @Min(1) int threadCount) {
}
