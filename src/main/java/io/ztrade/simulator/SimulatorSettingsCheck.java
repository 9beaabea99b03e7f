package io.ztrade.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Stops start-up when the simulator is asked for where it may not run, and says once whether it runs. */
@Component
class SimulatorSettingsCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorSettingsCheck.class);

    SimulatorSettingsCheck(Environment environment) {
        BuiltInSimulator.Decision decision = BuiltInSimulator.decide(environment);
        if (decision.refusal() != null) {
            throw new IllegalStateException(decision.refusal());
        }
        LOG.info("Built-in simulator {} ({})", decision.on() ? "on at /simulator, this machine only, with a per-start token"
                : "off", decision.reason());
    }
}
