package io.ztrade.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which routes an edit of the route files touches: the diff live reload applies, on plain YAML files. */
class RoutesChangeTest {

    @TempDir
    Path dir;

    private static final String TEMPLATES = """
            - routeConfiguration:
                id: handling
                onException: []
            - routeTemplate:
                id: one
                route: { from: { uri: "timer:{{name}}", steps: [ { log: "one" } ] } }
            - routeTemplate:
                id: two
                route: { from: { uri: "timer:{{name}}", steps: [ { log: "two" } ] } }
            """;

    private static final String ROUTES = """
            # first
            - templatedRoute:
                routeTemplateRef: one
                routeId: a
                parameters: [ { name: name, value: a } ]
            - templatedRoute:
                routeTemplateRef: two
                routeId: b
                parameters: [ { name: name, value: b } ]
            """;

    private RoutesChange edit(String templates, String routes) throws IOException {
        RoutesFiles before = write(TEMPLATES, ROUTES);
        return RoutesChange.between(before, write(templates, routes));
    }

    private RoutesFiles write(String templates, String routes) throws IOException {
        Files.writeString(dir.resolve("templates.yaml"), templates);
        Files.writeString(dir.resolve("routes.yaml"), routes);
        return RoutesFiles.read(dir, "*.yaml");
    }

    @Test
    void commentsSpacingAndKeyOrderChangeNothing() throws Exception {
        String reordered = """
                - templatedRoute:
                    routeId: b
                    routeTemplateRef: two          # same entry, keys in another order
                    parameters:
                      - { value: b, name: name }

                - templatedRoute: { routeTemplateRef: one, routeId: a, parameters: [ { name: name, value: a } ] }
                """;

        assertThat(edit(TEMPLATES + "# a comment\n", reordered).isEmpty()).isTrue();
    }

    @Test
    void aTemplateEditTouchesOnlyTheRoutesMadeFromIt() throws Exception {
        RoutesChange change = edit(TEMPLATES.replace("log: \"two\"", "log: \"two, louder\""), ROUTES);

        assertThat(change.templates()).containsExactly("two");
        assertThat(change.changed()).containsExactly("b");
        assertThat(change.added()).isEmpty();
        assertThat(change.removed()).isEmpty();
    }

    @Test
    void addedChangedAndRemovedRoutesByTheirIds() throws Exception {
        String routes = ROUTES.replace("value: b", "value: b2").replace("routeId: a", "routeId: c")
                .replace("value: a", "value: c");

        RoutesChange change = edit(TEMPLATES, routes);

        assertThat(change.added()).containsExactly("c");
        assertThat(change.changed()).containsExactly("b");
        assertThat(change.removed()).containsExactly("a");
        assertThat(change.toRemove()).containsExactly("a", "b");
        assertThat(change.toAdd()).containsExactly("b", "c");
    }

    @Test
    void aRouteConfigurationEditTouchesEveryRoute() throws Exception {
        RoutesChange change = edit(TEMPLATES.replace("onException: []", "onException: [ { onException: { exception: [ java.lang.Exception ] } } ]"), ROUTES);

        assertThat(change.configurations()).containsExactly("handling");
        assertThat(change.changed()).containsExactly("a", "b");
    }

    @Test
    void anEditOfAnotherKindNeedsARestart() throws Exception {
        RoutesChange change = edit(TEMPLATES + "- beans: [ { name: x, type: java.lang.Object } ]\n", ROUTES);

        assertThat(change.needRestart()).extracting(RoutesFiles.Item::kind).containsExactly("beans");
        assertThat(change.needRestart().get(0).line()).isEqualTo(10);
    }

    private static String scriptedRule(String bean, String returns) {
        return """
                - beans:
                    - name: %s
                      type: io.ztrade.plugin.api.RiskRule
                      scriptLanguage: groovy
                      script: "%s"
                    - name: other
                      type: io.ztrade.plugin.api.Strategy
                      scriptLanguage: groovy
                      script: "null"
                """.formatted(bean, returns);
    }

    @Test
    void aScriptedStepsBeanIsReloadedByNameAndItsNeighboursStayAsTheyAre() throws Exception {
        RoutesFiles before = write(TEMPLATES, scriptedRule("rule", "one") + ROUTES);

        RoutesChange changed = RoutesChange.between(before, write(TEMPLATES, scriptedRule("rule", "two") + ROUTES));
        RoutesChange renamed = RoutesChange.between(before, write(TEMPLATES, scriptedRule("rule2", "one") + ROUTES));

        assertThat(changed.beans()).containsExactly("rule");
        assertThat(changed.needRestart()).isEmpty();
        assertThat(changed.isEmpty()).isFalse();
        assertThat(changed.toAdd()).isEmpty();
        assertThat(renamed.beans()).containsExactly("rule", "rule2");
    }

    @Test
    void aBeanThatIsNotAScriptedStepOrBecomesOneNeedsARestart() throws Exception {
        RoutesFiles before = write(TEMPLATES, scriptedRule("rule", "one") + ROUTES);

        RoutesChange typed = RoutesChange.between(before, write(TEMPLATES,
                scriptedRule("rule", "one").replace("io.ztrade.plugin.api.RiskRule", "java.lang.Object") + ROUTES));
        RoutesChange factory = RoutesChange.between(before, write(TEMPLATES,
                scriptedRule("rule", "one").replace("      scriptLanguage: groovy\n      script: \"one\"",
                        "      factoryMethod: create") + ROUTES));

        assertThat(typed.needRestart()).extracting(RoutesFiles.Item::id).containsExactly("rule");
        assertThat(typed.needRestart().get(0).line()).isEqualTo(2);
        assertThat(factory.needRestart()).extracting(RoutesFiles.Item::id).containsExactly("rule");
        assertThat(typed.beans()).isEmpty();
    }

    @Test
    void reloadWatchesTheOneDirectoryCamelLoads() {
        assertThat(RoutesReloadConfiguration.WatchedFiles.of("file:" + dir + "/*.yaml"))
                .isEqualTo(new RoutesReloadConfiguration.WatchedFiles(dir, "*.yaml"));
        assertThatThrownBy(() -> RoutesReloadConfiguration.WatchedFiles.of("file:routes/a.yaml,classpath:routes/b.yaml"))
                .hasMessage("live reload (ztrade.routes.reload.enabled) watches one directory: "
                        + "camel.main.routes-include-pattern must be file:<directory>/*.yaml, got "
                        + "'file:routes/a.yaml,classpath:routes/b.yaml'");
    }
}
