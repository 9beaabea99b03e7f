package io.ztrade.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.broker.OrderSide;
import io.ztrade.risk.RiskVerdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** ztrade.run-on-start's values, and which runs the dryRun step ends. */
class RunOnStartTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RunOnStartProperties.class)
    @Import(RunOnStartProperties.Values.class)
    static class Binding {
    }

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(Binding.class);

    @Test
    void bindsTheThreeValuesTheOldBooleansAndTheDefault() {
        for (String[] value : new String[][] {{"off", "OFF"}, {"dry", "DRY"}, {"trade", "TRADE"}, {"TRADE", "TRADE"},
                {"true", "DRY"}, {"false", "OFF"}}) {
            contexts.withPropertyValues("ztrade.run-on-start=" + value[0]).run(context ->
                    assertThat(context.getBean(RunOnStartProperties.class).runOnStart().name()).as(value[0])
                            .isEqualTo(value[1]));
        }
        contexts.run(context -> assertThat(context.getBean(RunOnStartProperties.class).runOnStart())
                .isEqualTo(RunOnStart.DRY));
    }

    @Test
    void aWrongValueFailsStartUpNamingTheAllowedOnes() {
        contexts.withPropertyValues("ztrade.run-on-start=sometimes").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessage(
                    "ztrade.run-on-start must be off, dry or trade (true means dry, false off), not 'sometimes'");
        });
    }

    @Test
    void onlyAStartUpRunThatWouldTradeEndsAsDryRunAndOnlyUnlessTrade() {
        DryRuns dry = new DryRuns(new RunOnStartProperties(RunOnStart.DRY));
        DryRuns trade = new DryRuns(new RunOnStartProperties(RunOnStart.TRADE));
        AgentRun startup = approved(RunTrigger.STARTUP, new RiskVerdict(RiskVerdict.Outcome.APPROVED, List.of(),
                OrderSide.SELL, new BigDecimal("0.0150"), null));
        AgentRun ended = dry.apply(startup);
        assertThat(ended.status()).isEqualTo(RunStatus.DRY_RUN);
        assertThat(ended.note()).isEqualTo("dry run: would SELL 0.015 BTC/USD; set ztrade.run-on-start=trade to trade"
                + " at start-up");
        assertThat(trade.apply(startup)).isSameAs(startup);
        assertThat(new DryRuns(new RunOnStartProperties(RunOnStart.OFF)).dry(startup))
                .as("a start-up run another node fired is dry unless this node says trade").isTrue();
        for (RunTrigger other : List.of(RunTrigger.SCHEDULE, RunTrigger.MANUAL, RunTrigger.REPLAY)) {
            AgentRun run = approved(other, startup.risk());
            assertThat(dry.apply(run)).as(other.name()).isSameAs(run);
        }
        AgentRun hold = startup.finish(RunStatus.HOLD, "score below threshold");
        assertThat(dry.apply(hold)).as("a run that ended earlier keeps its own status").isSameAs(hold);
    }

    private static AgentRun approved(RunTrigger trigger, RiskVerdict verdict) {
        Instant now = Instant.now();
        return AgentRun.start(TestAgents.agent("BTC/USD", "crypto"), trigger, false, now, now).withRisk(verdict);
    }
}
