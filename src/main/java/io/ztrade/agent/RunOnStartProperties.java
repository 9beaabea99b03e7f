package io.ztrade.agent;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * {@code ztrade.run-on-start}: whether every agent runs once right after start-up, and whether that run may trade.
 *
 * @param runOnStart off, dry (the default: every step for real, no order) or trade
 */
@ConfigurationProperties("ztrade")
public record RunOnStartProperties(@DefaultValue("dry") RunOnStart runOnStart) {

    /** Binds the property with {@link RunOnStart#of}, so a wrong value fails start-up naming the allowed ones. */
    @Component
    @ConfigurationPropertiesBinding
    static class Values implements Converter<String, RunOnStart> {
        @Override
        public RunOnStart convert(String value) {
            return RunOnStart.of(value);
        }
    }
}
