package io.ztrade.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.ZtradeApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Loading plugin jars: what loads, what is refused and why, and a plugin's declared parameters checked. */
class PluginLoadingTest {

    @TempDir
    static Path work;
    static Path api;

    @BeforeAll
    static void api() {
        api = PluginJars.apiClasses(work);
    }

    private static Plugins load(Path dir) {
        return new Plugins(new PluginsProperties(dir.toString(), Duration.ofSeconds(5)), List.of());
    }

    @Test
    void theExampleLoadsWithItsStepsVersionsAndParameters() {
        Path dir = work.resolve("example");
        PluginJars.example(work, api, dir);
        Plugins plugins = load(dir);
        assertThat(plugins.all()).extracting(PluginStep::kind, PluginStep::name, PluginStep::version, PluginStep::file)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(StepKind.STRATEGY, "meanReversion", "1.0.0-test",
                                dir.resolve("mean-reversion-plugin.jar").toString()),
                        org.assertj.core.groups.Tuple.tuple(StepKind.RISK_RULE, "maxPrice", "1.0.0-test",
                                dir.resolve("mean-reversion-plugin.jar").toString()));
        // each jar in a class loader of its own, not the app's
        assertThat(plugins.all().get(0).step().getClass().getClassLoader()).isNotSameAs(Plugins.class.getClassLoader());
    }

    @Test
    void aFileThatIsNotAJarFailsNamingItAndWhy() throws Exception {
        Path dir = Files.createDirectories(work.resolve("garbage"));
        Files.writeString(dir.resolve("broken.jar"), "not a zip");
        assertThatThrownBy(() -> load(dir)).isInstanceOf(PluginLoadException.class)
                .hasMessageStartingWith("plugin jar " + dir.resolve("broken.jar") + " did not load: not a jar");
    }

    @Test
    void aServiceFileNamingAMissingClassFailsNamingTheJarAndTheClass() {
        Path dir = work.resolve("missing");
        PluginJars.plugin(work, api, dir.resolve("missing.jar"), Map.of(),
                Map.of("io.ztrade.plugin.api.Strategy", "com.example.Gone"));
        assertThatThrownBy(() -> load(dir)).isInstanceOf(PluginLoadException.class)
                .hasMessageContaining(dir.resolve("missing.jar").toString())
                .hasMessageContaining("com.example.Gone");
    }

    @Test
    void aJarWithNoStepIsRefused() {
        Path dir = work.resolve("empty");
        PluginJars.plugin(work, api, dir.resolve("empty.jar"), Map.of("com.example.Nothing",
                "package com.example; public class Nothing {}"), Map.of());
        assertThatThrownBy(() -> load(dir)).isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("empty.jar did not load: it lists no step");
    }

    /** The plugin's class loader sees the JDK and the API only: a step that names Ztrade's broker does not load. */
    @Test
    void aPluginCannotReachZtradesOwnClasses() {
        Path dir = work.resolve("reach");
        String source = """
                package com.example;
                import io.ztrade.plugin.api.*;
                public class Reach implements Strategy {
                    private final Object broker;
                    public Reach() {
                        try {
                            broker = Class.forName("io.ztrade.broker.AlpacaBroker");
                        } catch (ClassNotFoundException e) {
                            throw new IllegalStateException("no broker for plugins: " + e.getMessage());
                        }
                    }
                    public String name() { return "reach"; }
                    public Signal signal(Market m, Settings s) { return Signal.of(0, 0); }
                }
                """;
        PluginJars.plugin(work, api, dir.resolve("reach.jar"), Map.of("com.example.Reach", source),
                Map.of("io.ztrade.plugin.api.Strategy", "com.example.Reach"));
        assertThatThrownBy(() -> load(dir)).isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("reach.jar did not load")
                .hasMessageContaining("no broker for plugins: io.ztrade.broker.AlpacaBroker");
    }

    @Test
    void declaredParametersAreCheckedAndTheirDefaultsFilledIn() {
        Path dir = work.resolve("params");
        PluginJars.example(work, api, dir);
        Plugins plugins = load(dir);
        PluginChoice tooShort = new PluginChoice("meanReversion", "news", "weighted", List.of(),
                Map.of("meanReversion.window", "1"));
        // the built-in names are unknown here (no built-in step given), so only the strategy is chosen from the jar
        assertThatThrownBy(() -> plugins.choose("agent_x", tooShort, Map.of()))
                .isInstanceOf(PluginChoiceException.class);
        Plugins withBuiltIns = new Plugins(new PluginsProperties(dir.toString(), Duration.ofSeconds(5)),
                List.of(BuiltInSteps.STRATEGY, BuiltInSteps.FEED, BuiltInSteps.DECISION));
        assertThatThrownBy(() -> withBuiltIns.choose("agent_x", tooShort, Map.of()))
                .isInstanceOf(PluginChoiceException.class)
                .hasMessage("must be between 2 and 500, got 1")
                .extracting(e -> ((PluginChoiceException) e).field()).isEqualTo("meanReversion.window");
        assertThatThrownBy(() -> withBuiltIns.choose("agent_x", new PluginChoice("meanReversion", "news", "weighted",
                List.of(), Map.of("meanReversion.windw", "5")), Map.of()))
                .hasMessageContaining("is unknown").hasMessageContaining("[window, entryZ]");
        assertThatThrownBy(() -> withBuiltIns.choose("agent_x", new PluginChoice("meanReversion", "news", "weighted",
                List.of(), Map.of("meanReversion.entryZ", "many")), Map.of()))
                .hasMessage("must be a number, got 'many'");
        assertThatThrownBy(() -> withBuiltIns.choose("agent_x", new PluginChoice("meanRevrsion", "news", "weighted",
                List.of(), Map.of()), Map.of()))
                .hasMessage("'meanRevrsion' is not a strategy; available: builtIn, meanReversion");
        assertThatThrownBy(() -> withBuiltIns.choose("agent_x", new PluginChoice("meanReversion", "news", "weighted",
                List.of("maxPrice", "nope"), Map.of()), Map.of()))
                .hasMessage("'nope' is not a riskRules rule; available: maxPrice");
        // valid: the defaults filled in
        assertThat(withBuiltIns.choose("agent_x", new PluginChoice("meanReversion", "news", "weighted",
                List.of("maxPrice"), Map.of("meanReversion.window", "30")), Map.of()).strategy().name())
                .isEqualTo("meanReversion");
    }

    /** A step that hangs is abandoned after ztrade.plugins.timeout, one out of range is refused: the run fails. */
    @Test
    void aStepThatHangsOrAnswersOutOfRangeFailsNamingIt() {
        Path dir = work.resolve("bad-answers");
        PluginJars.plugin(work, api, dir.resolve("bad.jar"), Map.of(
                "com.example.Hang", """
                        package com.example;
                        import io.ztrade.plugin.api.*;
                        public class Hang implements Strategy {
                            public String name() { return "hang"; }
                            public Signal signal(Market m, Settings s) {
                                try {
                                    Thread.sleep(Long.MAX_VALUE);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                return Signal.of(0, 0);
                            }
                        }
                        """,
                "com.example.TooSure", """
                        package com.example;
                        import io.ztrade.plugin.api.*;
                        public class TooSure implements Strategy {
                            public String name() { return "tooSure"; }
                            public Signal signal(Market m, Settings s) { return Signal.of(3, 1); }
                        }
                        """),
                Map.of("io.ztrade.plugin.api.Strategy", "com.example.Hang\ncom.example.TooSure"));
        Plugins plugins = new Plugins(new PluginsProperties(dir.toString(), Duration.ofMillis(100)),
                List.of(BuiltInSteps.FEED, BuiltInSteps.DECISION));
        io.ztrade.market.MarketSnapshot market = new io.ztrade.market.MarketSnapshot("TEST", 10, 10, 10,
                java.time.Instant.EPOCH, List.of(), "test");
        assertThatThrownBy(() -> plugins.choose("agent_x", new PluginChoice("hang", "news", "weighted", List.of(), Map.of()),
                Map.of()).signal(market, "us_equity", java.time.Instant.EPOCH))
                .isInstanceOf(PluginFailedException.class)
                .hasMessage("strategy hang (" + dir.resolve("bad.jar") + ") took longer than 100 ms (ztrade.plugins.timeout)");
        assertThatThrownBy(() -> plugins.choose("agent_x", new PluginChoice("tooSure", "news", "weighted", List.of(), Map.of()),
                Map.of()).signal(market, "us_equity", java.time.Instant.EPOCH))
                .isInstanceOf(PluginFailedException.class)
                .hasMessage("strategy tooSure (" + dir.resolve("bad.jar") + ") returned a signal value of 3.0, outside [-1, 1]");
    }

    /** Start-up itself fails, naming the jar and the reason. */
    @Test
    void aJarThatDoesNotLoadFailsStartUp() throws Exception {
        Path dir = Files.createDirectories(work.resolve("startup"));
        Files.writeString(dir.resolve("broken.jar"), "not a zip");
        assertThatThrownBy(() -> new SpringApplicationBuilder(ZtradeApplication.class).profiles("test")
                .run("--ztrade.plugins.dir=" + dir, "--server.port=0", "--spring.jmx.unique-names=true").close())
                .rootCause()
                .isInstanceOf(PluginLoadException.class)
                .hasMessageStartingWith("plugin jar " + dir.resolve("broken.jar") + " did not load: not a jar");
    }
}
