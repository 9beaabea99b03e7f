package io.ztrade.production;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Fails start-up of the production profile, before anything connects, when the database it needs is not
 * configured: an empty URL would otherwise quietly give an in-memory database and lose every record.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains(ProductionProfile.PROFILE)) {
            return;
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("The production profile needs PostgreSQL: set ZTRADE_DB_URL to"
                    + " jdbc:postgresql://<host>:5432/<database> (with ZTRADE_DB_USER and ZTRADE_DB_PASSWORD); "
                    + (url.isBlank() ? "it is not set" : "it is '" + url.replaceAll("password=[^&;]*", "password=****") + "'"));
        }
    }

    /** After the config files have been read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
