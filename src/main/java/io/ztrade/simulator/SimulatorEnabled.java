package io.ztrade.simulator;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The simulator's beans exist only when {@link BuiltInSimulator#decide} says it runs. */
public class SimulatorEnabled extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        BuiltInSimulator.Decision decision = BuiltInSimulator.decide(context.getEnvironment());
        return decision.on() ? ConditionOutcome.match("built-in simulator on: " + decision.reason())
                : ConditionOutcome.noMatch("built-in simulator off: " + decision.reason());
    }
}
