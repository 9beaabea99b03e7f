package io.ztrade.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The route files validate against the Camel YAML DSL JSON schema of the camel-yaml-dsl in use
 * ({@code schema/camelYamlDsl.json} in its jar), the one Kaoto and the VS Code tooling check them with: the shipped
 * template and agents (by name; a user's valid entry keeps the file valid), the test agents and the README's example.
 */
class RoutesSchemaTest {

    private static Schema dsl;

    @BeforeAll
    static void schema() throws IOException {
        try (InputStream json = RoutesSchemaTest.class.getClassLoader().getResourceAsStream("schema/camelYamlDsl.json")) {
            assertThat(json).as("schema/camelYamlDsl.json of camel-yaml-dsl").isNotNull();
            dsl = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(json);
        }
    }

    static Stream<Path> routeFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("routes/agent-template.yaml"), Path.of("routes/agents.yaml")));
        try (Stream<Path> tests = Files.list(Path.of("src/test/resources/routes"))) {
            tests.filter(file -> file.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("routeFiles")
    void routeFilesAreValidCamelYamlDsl(Path file) throws IOException {
        assertThat(errors(Files.readString(file))).as(file.toString()).isEmpty();
    }

    @Test
    void theReadmesExampleAgentIsValidCamelYamlDsl() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher example = Pattern.compile("## Adding an agent\\R.*?```yaml\\R(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(example.find()).as("a yaml block under \"Adding an agent\" in README.md").isTrue();
        assertThat(errors(example.group(1))).as("README.md's example agent").isEmpty();
    }

    @Test
    void aPlaceholderWhereTheSchemaWantsANumberOrABooleanIsAnError() {
        String handler = """
                - routeConfiguration:
                    onException:
                      - onException:
                          exception: [java.lang.Exception]
                          redeliveryPolicy:
                            maximumRedeliveries: "{{ztrade.retry.max-redeliveries}}"
                """;
        assertThat(errors(handler)).anyMatch(error -> error.contains("maximumRedeliveries"));
        String breaker = """
                - from:
                    uri: direct:in
                    steps:
                      - circuitBreaker:
                          resilience4jConfiguration:
                            throwExceptionWhenHalfOpenOrOpenState: "true"
                          steps:
                            - log: in
                """;
        assertThat(errors(breaker)).anyMatch(error -> error.contains("throwExceptionWhenHalfOpenOrOpenState"));
    }

    /** One line per error: where in the file and what is wrong. */
    private static List<String> errors(String yaml) {
        return dsl.validate(yaml, InputFormat.YAML).stream().map(Error::toString).toList();
    }
}
