package io.ztrade.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.provider.SimulatorToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** When the simulator's beans exist: the embedded default only, never in production or beside real broker keys. */
class SimulatorSwitchTest {

    @Configuration(proxyBeanMethods = false)
    @Import({io.ztrade.market.NyseCalendar.class, SimulatedMarket.class, SimulatedAccount.class, SimulatorTokenConfiguration.class,
        SimulatorSettingsCheck.class})
    @org.springframework.boot.context.properties.EnableConfigurationProperties(SimulatorProperties.class)
    static class SimulatorBeans {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(SimulatorBeans.class);

    @Test
    void theEmbeddedDefaultHasTheSimulator() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(SimulatedAccount.class).hasSingleBean(SimulatorToken.class);
            assertThat(context.getBean(SimulatorToken.class).value()).hasSizeGreaterThanOrEqualTo(43);
        });
    }

    @Test
    void eachStartHasItsOwnToken() {
        SimulatorToken one = new SimulatorToken();
        SimulatorToken two = new SimulatorToken();
        assertThat(one.value()).isNotEqualTo(two.value());
        assertThat(one.matches(one.value())).isTrue();
        assertThat(one.matches(two.value())).isFalse();
        assertThat(one.matches(null)).isFalse();
        assertThat(one.matches("")).isFalse();
        assertThat(one.toString()).doesNotContain(one.value());
    }

    @Test
    void theProductionProfileHasNoSimulator() {
        runner.withInitializer(context -> context.getEnvironment().setActiveProfiles("production")).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(SimulatedAccount.class).doesNotHaveBean(SimulatedMarket.class)
                    .doesNotHaveBean(SimulatorToken.class);
        });
    }

    @Test
    void askingForTheSimulatorInProductionStopsStartUp() {
        runner.withInitializer(context -> context.getEnvironment().setActiveProfiles("production"))
                .withPropertyValues("ztrade.simulator.enabled=true").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("production profile")
                            .hasMessageContaining("ZTRADE_SIMULATOR_ENABLED");
                });
    }

    @Test
    void aPropertyTurnsItOff() {
        runner.withPropertyValues("ztrade.simulator.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SimulatedAccount.class)
                        .doesNotHaveBean(SimulatorToken.class));
        runner.withPropertyValues("ztrade.simulator.enabled=maybe")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("must be true or false, got 'maybe'"));
    }

    /** Keys for a real account: blank URL (= Alpaca paper), paper, live or any other broker URL. */
    @ParameterizedTest
    @ValueSource(strings = {"", "https://paper-api.alpaca.markets", "https://api.alpaca.markets", "http://127.0.0.1:9000/v2",
            "http://broker.internal/simulator/alpaca"})
    void realBrokerKeysLeaveTheSimulatorOffAndRefuseItOutright(String baseUrl) {
        ApplicationContextRunner keys = runner.withPropertyValues("ztrade.alpaca.api-key=AKREAL",
                "ztrade.alpaca.secret-key=REALSECRET", "ztrade.alpaca.base-url=" + baseUrl);
        keys.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SimulatedAccount.class));
        keys.withPropertyValues("ztrade.simulator.enabled=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("Alpaca keys are set")
                    .hasMessageNotContaining("AKREAL").hasMessageNotContaining("REALSECRET");
        });
    }

    @Test
    void keysForTheSimulatorItselfKeepIt() {
        runner.withPropertyValues("ztrade.alpaca.api-key=AKTEST", "ztrade.alpaca.secret-key=TESTSECRET",
                        "ztrade.alpaca.base-url=http://127.0.0.1:8080/simulator/alpaca")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(SimulatedAccount.class));
    }
}
