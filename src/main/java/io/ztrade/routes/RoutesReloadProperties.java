package io.ztrade.routes;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ztrade.routes.reload.*}: live reload of the route files while they are edited (the {@code dev} profile).
 * The directory is the one {@code camel.main.routes-include-pattern} loads (file:routes/*.yaml by default).
 *
 * @param enabled     watch the route directory and apply each valid edit to the running agents
 * @param quietPeriod an edit is read once the files have not changed for this long (an editor saves in steps)
 */
@ConfigurationProperties("ztrade.routes.reload")
public record RoutesReloadProperties(@DefaultValue("false") boolean enabled,
                                     @DefaultValue("300ms") Duration quietPeriod) {
}
