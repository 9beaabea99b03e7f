package io.ztrade.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The production profile is chosen by ZTRADE_DB_URL and refuses to start without PostgreSQL. */
class ProductionProfileTest {

    private final SpringApplication application = new SpringApplication();

    @Test
    void settingTheDatabaseUrlSelectsTheProductionProfile() {
        MockEnvironment environment = new MockEnvironment().withProperty("ZTRADE_DB_URL",
                "jdbc:postgresql://db:5432/ztrade");
        new ProductionProfile().postProcessEnvironment(environment, application);
        assertThat(environment.getActiveProfiles()).containsExactly("production");
    }

    @Test
    void withoutTheDatabaseUrlTheEmbeddedDefaultStays() {
        MockEnvironment environment = new MockEnvironment();
        new ProductionProfile().postProcessEnvironment(environment, application);
        assertThat(environment.getActiveProfiles()).isEmpty();
    }

    @Test
    void productionWithoutPostgresFailsNamingTheSetting() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", "");
        environment.setActiveProfiles("production");
        assertThatThrownBy(() -> new ProductionSettingsCheck().postProcessEnvironment(environment, application))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ZTRADE_DB_URL").hasMessageContaining("it is not set");
    }

    @Test
    void productionOnH2FailsWithoutShowingAPassword() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url",
                "jdbc:h2:file:./data/ztrade;password=secret");
        environment.setActiveProfiles("production");
        assertThatThrownBy(() -> new ProductionSettingsCheck().postProcessEnvironment(environment, application))
                .hasMessageContaining("jdbc:h2:file").hasMessageNotContaining("secret");
    }

    @Test
    void productionOnPostgresStarts() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url",
                "jdbc:postgresql://db:5432/ztrade");
        environment.setActiveProfiles("production");
        new ProductionSettingsCheck().postProcessEnvironment(environment, application);
    }
}
