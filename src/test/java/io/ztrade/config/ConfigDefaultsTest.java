package io.ztrade.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.sentiment.SentimentProperties;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Issue 13, point 6: a setting's default is written once, in its {@code @ConfigurationProperties} record.
 * application.yml may name an environment variable for a setting ({@code ${ZTRADE_X:default}}), but never repeats
 * a record's default as a plain value; and no bean reads a setting through {@code @Value} with a default of its own.
 */
class ConfigDefaultsTest {

    private static final ConversionService CONVERSION = ApplicationConversionService.getSharedInstance();

    @Test
    void applicationYmlRepeatsNoDefaultOfAPropertiesRecord() throws Exception {
        Map<String, String> yml = literals("application.yml");
        List<String> repeated = new ArrayList<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.ztrade")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            if (type.isRecord()) {
                repeated.addAll(repeatedDefaults(type, prefix, yml));
            }
        }
        assertThat(repeated).as("application.yml values equal to their record's @DefaultValue").isEmpty();
    }

    @Test
    void noBeanReadsASettingThroughValueWithADefaultOfItsOwn() throws IOException {
        Pattern inlineDefault = Pattern.compile("@Value\\(\"\\$\\{[^}]*:");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> inlineDefault.matcher(read(f)).find()).map(Path::toString).toList();
            assertThat(offenders).as("@Value with an inline default (use a properties record)").isEmpty();
        }
    }

    @Test
    void aSourceWeightLeftOutOfTheSettingsKeepsItsDefault() {
        SentimentProperties onlyAlphaVantage = new SentimentProperties(Map.of("alphavantage", 2.0));
        assertThat(onlyAlphaVantage.weightOf("alphavantage")).isEqualTo(2.0);
        assertThat(onlyAlphaVantage.weightOf("reddit")).isEqualTo(0.5);
        assertThat(new SentimentProperties(null).weightOf("alphavantage")).isEqualTo(1.0);
    }

    private static List<String> repeatedDefaults(Class<?> record, String prefix, Map<String, String> yml) {
        List<String> repeated = new ArrayList<>();
        RecordComponent[] components = record.getRecordComponents();
        Parameter[] parameters = canonicalConstructor(record).getParameters();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String key = prefix + "." + kebab(component.getName());
            // @DefaultValue reaches the constructor's parameter, not the record component
            DefaultValue defaults = parameters[i].getAnnotation(DefaultValue.class);
            if (defaults == null) {
                continue;
            }
            if (component.getType().isRecord()) {
                repeated.addAll(repeatedDefaults(component.getType(), key, yml));
            } else if (defaults.value().length == 1 && yml.containsKey(key)
                    && Objects.equals(convert(defaults.value()[0], component.getType()), convert(yml.get(key), component.getType()))) {
                repeated.add(key + ": " + yml.get(key) + " (" + record.getSimpleName() + ")");
            }
        }
        return repeated;
    }

    private static Constructor<?> canonicalConstructor(Class<?> record) {
        Class<?>[] types = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return record.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(record + " has no canonical constructor", e);
        }
    }

    /** The file's settings that are plain values, not placeholders. */
    private static Map<String, String> literals(String file) throws IOException {
        Map<String, String> out = new java.util.HashMap<>();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
            EnumerablePropertySource<?> properties = (EnumerablePropertySource<?>) source;
            for (String name : properties.getPropertyNames()) {
                String value = String.valueOf(properties.getProperty(name));
                if (!value.contains("${")) {
                    out.put(name, value);
                }
            }
        }
        return out;
    }

    private static Object convert(String value, Class<?> type) {
        try {
            return CONVERSION.convert(value, type);
        } catch (RuntimeException e) {
            return value;
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
