package io.ztrade;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.ztrade.agent.AgentRun;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md ("Packages"): dependencies go one way, application -> agent -> stages ->
 * provider, with no cycle between any two packages; the stages know nothing of the run, of Camel, or (their
 * interfaces) of Spring, so a stage can be used, tested or replaced (#15's plugins) on its own inputs and results.
 */
class ArchitectureTest {

    static final String[] STAGES = {"io.ztrade.market..", "io.ztrade.sentiment..", "io.ztrade.technical..",
        "io.ztrade.decision..", "io.ztrade.risk..", "io.ztrade.broker..", "io.ztrade.plugins.."};

    static final String[] APPLICATION = {"io.ztrade.management..", "io.ztrade.backtest..", "io.ztrade.production..",
        "io.ztrade.desk..", "io.ztrade.reconcile..", "io.ztrade.records..", "io.ztrade.alert..", "io.ztrade.simulator..",
        "io.ztrade.routes..", "io.ztrade.portfolio.."};

    static final String AGENT = "io.ztrade.agent..";
    static final String PROVIDER = "io.ztrade.provider..";
    /** The plugin API (ztrade-plugin-api/, #15): under every layer, it depends on nothing of Ztrade's. */
    static final String PLUGIN_API = "io.ztrade.plugin.api..";

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ztrade");

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("io.ztrade.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void dependenciesGoFromTheApplicationThroughTheAgentToTheStagesAndTheProviders() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Application").definedBy(APPLICATION)
                .layer("Agent").definedBy(AGENT)
                .layer("Stages").definedBy(STAGES)
                .layer("Provider").definedBy(PROVIDER)
                .layer("PluginApi").definedBy(PLUGIN_API)
                .whereLayer("Application").mayNotBeAccessedByAnyLayer()
                .whereLayer("Agent").mayOnlyBeAccessedByLayers("Application")
                .whereLayer("Stages").mayOnlyBeAccessedByLayers("Application", "Agent")
                .whereLayer("Provider").mayOnlyBeAccessedByLayers("Application", "Agent", "Stages")
                .check(MAIN);
    }

    /** A new package must be given its layer above, or the layer rule would not look at it. */
    @Test
    void everyPackageHasItsLayer() {
        // the top-level package names of the layers above: io.ztrade.desk.. -> desk
        java.util.Set<String> layered = java.util.stream.Stream.of(APPLICATION, STAGES,
                        new String[] {AGENT, PROVIDER, "io.ztrade.plugin.."})
                .flatMap(java.util.Arrays::stream)
                .map(pattern -> pattern.substring("io.ztrade.".length(), pattern.length() - "..".length()))
                .collect(java.util.stream.Collectors.toSet());
        assertThat(MAIN.stream().map(c -> c.getPackageName())
                .filter(name -> name.startsWith("io.ztrade."))
                .map(name -> name.substring("io.ztrade.".length()).split("\\.")[0])
                .distinct())
                .allMatch(layered::contains);
    }

    /** The routes, their step beans and the idempotent order repository are the agent's; a stage is plain Java. */
    @Test
    void stagesUseNoCamelType() {
        noClasses().that().resideInAnyPackage(STAGES)
                .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
                .check(MAIN);
    }

    /** What a plugin (#15) implements: the stage interfaces take and return plain values, no Spring or Camel type. */
    @Test
    void stageInterfacesAreFreeOfSpringAndCamel() {
        classes().that().resideInAnyPackage(STAGES).and().areInterfaces()
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework..", "org.apache.camel..")
                .check(MAIN);
    }

    /** The plugin API is plain Java: a plugin compiles against it alone (ztrade-plugin-api/pom.xml has no dependency). */
    @Test
    void thePluginApiDependsOnTheJdkOnly() {
        classes().that().resideInAPackage(PLUGIN_API)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", PLUGIN_API)
                .check(MAIN);
    }

    /** A run's 17 parts are listed once for its copies (AgentRun.Copy), not in each of its ten copy methods. */
    @Test
    void theRunIsMadeInTwoPlacesOnly() {
        assertThat(MAIN.get(AgentRun.class).getConstructorCallsToSelf())
                .extracting(JavaConstructorCall::getOrigin)
                .extracting(origin -> origin.getOwner().getSimpleName() + "." + origin.getName())
                .containsExactlyInAnyOrder("AgentRun.start", "Copy.build");
    }
}
