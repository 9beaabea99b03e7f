package io.ztrade.simulator;

import io.ztrade.provider.SimulatorToken;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The per-start token the app's HTTP client sends the simulator: made only while the simulator is on. */
@Configuration(proxyBeanMethods = false)
@Conditional(SimulatorEnabled.class)
class SimulatorTokenConfiguration {

    @Bean
    SimulatorToken simulatorToken() {
        return new SimulatorToken();
    }
}
