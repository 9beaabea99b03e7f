package io.ztrade.desk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The desk state ({@code ztrade.desk.*}).
 *
 * @param cacheTtl how long a node trusts the modes it read from the records database before reading them again; a
 *                 change on another node is obeyed here within this time plus one query (default 250ms, at most 1s)
 */
@ConfigurationProperties("ztrade.desk")
public record DeskProperties(@DefaultValue("250ms") Duration cacheTtl) {

    public DeskProperties {
        if (cacheTtl.isNegative() || cacheTtl.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("ztrade.desk.cache-ttl must be between 0 and 1s (every node obeys a"
                    + " desk change within one second), got " + cacheTtl);
        }
    }
}
