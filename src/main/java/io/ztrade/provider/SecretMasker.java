package io.ztrade.provider;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Masks the configured secrets (API keys, passwords) in text that leaves the app: a failed run's error, which the
 * API, the console and alerts show, and every alert. A provider's exception may quote the URL it called, and Alpha
 * Vantage's carries its key as {@code apikey=...}.
 * <p>
 * Which values are secrets comes from the configuration, never from a hand list that drifts: every property of
 * {@code application*.yml} bound from an environment variable whose name says key, secret, token, password or
 * webhook; every property or variable so named itself (further users' passwords, say); and the password inside any
 * configured URL ({@code redis://user:pass@host}, a JDBC URL's {@code password=}).
 */
@Component
public class SecretMasker {

    static final String MASK = "***";

    /** The words that make a name (variable or property) a secret's. */
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(key|secret|token|password|webhook).*");

    /** Names with "key" in them that name no secret: a Redis key prefix, a key store's type or alias, Keycloak switches. */
    static final Pattern NOT_SECRET_NAME = Pattern.compile("(?i).*(key[-_.]?prefix|key[-_.]?store[-_.]?type|key[-_.]?alias|keycloak).*");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)[:}]");
    private static final Pattern KEY_PARAMETERS = Pattern.compile("(?i)((?:api_?key|token|secret|password)=)[^&;\\s\"']+");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^/@\\s:]*:)([^/@\\s]+)(@)");
    private static final Pattern URL_PASSWORD_PARAMETER = Pattern.compile("(?i)[?&;]password=([^&;\\s]+)");

    private final List<String> secrets;

    public SecretMasker(Environment environment) {
        Set<String> values = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>(configuredSecretProperties());
        Set<String> allNames = new LinkedHashSet<>();
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (PropertySource<?> source : configurable.getPropertySources()) {
                if (source instanceof EnumerablePropertySource<?> enumerable) {
                    allNames.addAll(List.of(enumerable.getPropertyNames()));
                }
            }
        }
        allNames.stream().filter(SecretMasker::isSecretName).forEach(names::add);
        for (String name : names) {
            values.add(value(environment, name));
        }
        for (String name : allNames) {
            String value = value(environment, name);
            if (value != null) {
                credentialsIn(value, values);
            }
        }
        // a switch or a number is no secret, and masking "true" everywhere would garble every message
        this.secrets = values.stream().filter(value -> value != null && value.length() >= 4
                        && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false") && !value.matches("[0-9.]+"))
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches() && !NOT_SECRET_NAME.matcher(name).matches();
    }

    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        masked = URL_CREDENTIALS.matcher(masked).replaceAll("$1" + MASK + "$3");
        return KEY_PARAMETERS.matcher(masked).replaceAll("$1" + MASK);
    }

    /**
     * The properties of the shipped {@code application*.yml} whose value comes from a variable named like a secret's
     * ({@code ${ALPACA_SECRET_KEY:}}) or whose own name is one ({@code spring.datasource.password}).
     */
    static Set<String> configuredSecretProperties() {
        Set<String> found = new LinkedHashSet<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:application*.yml")) {
                for (PropertySource<?> source : new YamlPropertySourceLoader().load(resource.getFilename(), resource)) {
                    if (source instanceof EnumerablePropertySource<?> yaml) {
                        for (String name : yaml.getPropertyNames()) {
                            Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(yaml.getProperty(name)));
                            boolean fromSecret = false;
                            while (placeholder.find()) {
                                fromSecret |= isSecretName(placeholder.group(1));
                            }
                            if (fromSecret || isSecretName(name)) {
                                found.add(name);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read application*.yml to find the secrets to mask", e);
        }
        return found;
    }

    /** The password of {@code scheme://user:password@host} and of {@code ...?password=...}, and a whole webhook-like URL. */
    private static void credentialsIn(String value, Set<String> values) {
        Matcher userInfo = URL_CREDENTIALS.matcher(value);
        while (userInfo.find()) {
            values.add(userInfo.group(2));
        }
        Matcher parameter = URL_PASSWORD_PARAMETER.matcher(value);
        while (parameter.find()) {
            values.add(parameter.group(1));
        }
    }

    private static String value(Environment environment, String name) {
        try {
            return environment.getProperty(name);
        } catch (RuntimeException unresolvable) {
            return null;
        }
    }
}
