package io.ztrade.plugins;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Users' own steps ({@code ztrade.plugins.*}; {@link Plugins}).
 *
 * @param dir     the folder whose {@code *.jar} files are loaded at start-up (default {@code plugins}, beside
 *                {@code routes/}); a missing folder means no plugin
 * @param timeout how long one call of a plugin's step may take (default 5s); longer fails the run, naming the step
 */
@ConfigurationProperties("ztrade.plugins")
public record PluginsProperties(
        @DefaultValue("plugins") String dir,
        @DefaultValue("5s") Duration timeout) {
}
