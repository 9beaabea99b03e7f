package io.ztrade.production;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Selects the {@value #PROFILE} profile when {@code ZTRADE_DB_URL} is set, so an operator who points Ztrade at
 * PostgreSQL gets the whole production topology (clustered Quartz, Redis) and never half of it. Runs before the
 * config files are read, so {@code application-production.yml} applies.
 */
public class ProductionProfile implements EnvironmentPostProcessor, Ordered {

    public static final String PROFILE = "production";
    static final String DB_URL = "ZTRADE_DB_URL";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(DB_URL);
        if (url != null && !url.isBlank() && !Arrays.asList(environment.getActiveProfiles()).contains(PROFILE)) {
            environment.addActiveProfile(PROFILE);
        }
    }

    /** Before ConfigDataEnvironmentPostProcessor (HIGHEST_PRECEDENCE + 10), which reads the profile files. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 9;
    }
}
