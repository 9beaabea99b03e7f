package io.ztrade.agent.steps;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The analyses join ({@code ztrade.analyses.*}); see {@link AnalysesJoin}.
 *
 * @param joinTimeout the longest the join waits for a branch Camel's multicast left behind: longer than an analysis
 *                    with its redeliveries takes, so it ends only a branch that hangs
 */
@ConfigurationProperties("ztrade.analyses")
public record AnalysesProperties(@DefaultValue("5m") Duration joinTimeout) {
}
