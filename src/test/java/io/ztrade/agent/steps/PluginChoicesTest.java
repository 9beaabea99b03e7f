package io.ztrade.agent.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import io.ztrade.agent.RunTrigger;
import io.ztrade.agent.TestAgents;
import io.ztrade.plugin.api.DecisionRule;
import io.ztrade.plugin.api.Sentiment;
import io.ztrade.plugin.api.SentimentFeed;
import io.ztrade.plugin.api.Settings;
import io.ztrade.plugin.api.Step;
import io.ztrade.plugin.api.Strategy;
import io.ztrade.plugins.Plugins;
import io.ztrade.plugins.PluginsProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A run keeps the version of a scripted step it started with, whatever a reload of routes/ binds meanwhile; the next
 * run takes the new one. The scripted steps here are what a live reload swaps: the beans the step source answers.
 */
class PluginChoicesTest {

    private static final Instant AT = Instant.parse("2026-12-04T15:00:00Z");

    /** A scripted feed that always reads {@code score}. */
    private record Fixed(double score) implements SentimentFeed {
        @Override
        public String name() {
            return "fixedFeed";
        }

        @Override
        public Sentiment sentiment(String symbol, Instant at, Settings settings) {
            return Sentiment.of(score, 1, "fixed");
        }
    }

    @Test
    void aRunKeepsTheScriptedStepsItStartedWithAndTheNextRunTakesTheNewOnes() {
        AtomicReference<Map<String, Step>> beans = new AtomicReference<>(Map.of("fixedFeedBean", new Fixed(0.25)));
        PluginChoices choices = new PluginChoices(new Plugins(new PluginsProperties("no-such-plugins-dir",
                Duration.ofSeconds(5)), List.of(builtIn(Strategy.class, "indicators"),
                builtIn(DecisionRule.class, "weighted")), beans::get));
        AgentSettings agent = agent("fixedFeed");
        AgentRun going = AgentRun.start(agent, RunTrigger.SCHEDULE, false, AT, AT);

        double first = choices.of(going).sentiment("ETH/USD", AT).score();
        beans.set(Map.of("fixedFeedBean", new Fixed(0.75))); // a reload rebinds the bean while the run goes on
        double later = choices.of(going).sentiment("ETH/USD", AT).score();
        double next = choices.of(AgentRun.start(agent, RunTrigger.SCHEDULE, false, AT.plusSeconds(60), AT.plusSeconds(60)))
                .sentiment("ETH/USD", AT).score();

        assertThat(first).isEqualTo(0.25);
        assertThat(later).isEqualTo(0.25);
        assertThat(next).isEqualTo(0.75);
    }

    /** A stand-in for one of Ztrade's own steps the agent's defaults choose (never called here). */
    private static Step builtIn(Class<? extends Step> kind, String name) {
        return (Step) java.lang.reflect.Proxy.newProxyInstance(kind.getClassLoader(), new Class<?>[] {kind},
                (proxy, method, args) -> switch (method.getName()) {
                    case "name" -> name;
                    case "apiVersion" -> io.ztrade.plugin.api.PluginApi.VERSION;
                    case "version", "description" -> "";
                    case "parameters" -> List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static AgentSettings agent(String feed) {
        Map<String, Object> parameters = TestAgents.defaults("ETH/USD", "crypto");
        parameters.put("sentimentFeed", feed);
        return AgentSettings.fromParameters(parameters);
    }
}
