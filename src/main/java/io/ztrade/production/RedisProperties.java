package io.ztrade.production;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Redis of the production topology ({@code ztrade.redis.*}, from ZTRADE_REDIS_URL).
 *
 * @param url             unset: no Redis (the embedded default); else redis://[:password@]host:port[/database], or rediss:// for TLS; the password is never logged
 * @param keyPrefix       put in front of every key, so several deployments can share one Redis (defaults to ztrade:)
 * @param timeout         how long one command may take before Redis counts as down for it (defaults to 2 s): the
 *                        cache then passes through and the broker's own client_order_id check guards the order
 * @param orderIdTtl      how long a submitted client order id is remembered (defaults to 7 days)
 */
@Validated
@ConfigurationProperties("ztrade.redis")
public record RedisProperties(
        String url,
        @DefaultValue("ztrade:") String keyPrefix,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("7d") Duration orderIdTtl) {

    @Override
    public String toString() {
        return "RedisProperties[url=" + (url == null ? null : url.replaceAll("//[^@/]*@", "//****@")) + ", keyPrefix=" + keyPrefix
                + ", timeout=" + timeout + ", orderIdTtl=" + orderIdTtl + "]";
    }
}
