package io.ztrade.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Adding an agent" against the template: its example entry validates, its defaults are the template's. */
class ReadmeAgentTest {

    private static final Pattern ROW = Pattern.compile("^\\| (`[^|]+`) \\| (`[^|]+`) \\|.*$", Pattern.MULTILINE);

    private static String section() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Adding an agent");
        return readme.substring(start, readme.indexOf("\n## ", start + 1));
    }

    @Test
    void theDefaultsListedAreTheTemplates() throws Exception {
        Map<String, String> listed = new LinkedHashMap<>();
        Matcher row = ROW.matcher(section());
        while (row.find()) {
            String[] names = row.group(1).split(" / ");
            String[] values = row.group(2).split(" / ");
            assertThat(values).as(row.group()).hasSameSizeAs(names);
            for (int i = 0; i < names.length; i++) {
                listed.put(names[i].replace("`", ""), values[i].replace("`", ""));
            }
        }

        Map<String, String> settings = new LinkedHashMap<>(TestAgents.templateDefaults());
        settings.keySet().removeAll(AgentCatalog.WIRING_PARAMETERS);
        assertThat(listed).isEqualTo(settings);
    }

    @Test
    void theExampleEntryIsValidAndNamesTheAgentOnce(@TempDir Path routes) throws Exception {
        String section = section();
        String example = section.substring(section.indexOf("```yaml\n") + 8, section.indexOf("```", section.indexOf("```yaml\n") + 8));
        Files.copy(TestAgents.TEMPLATE, routes.resolve("agent-template.yaml"));
        Files.writeString(routes.resolve("agents.yaml"), example);

        RoutesValidator result = RoutesValidator.validate(routes);

        assertThat(result.problems()).isEmpty();
        assertThat(result.agents()).containsOnlyKeys("agent_spy");
        assertThat(example).doesNotContain("prefixId", "agentId");
    }
}
