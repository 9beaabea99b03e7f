package io.ztrade.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.mock.env.MockEnvironment;

class SecretMaskerTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)[:}]");
    private static final Pattern SECRET_ENV = Pattern.compile(".*(KEY|SECRET|TOKEN|PASSWORD).*");

    /** Every property of application*.yml bound from an env var that names a key, secret, token or password. */
    static Map<String, String> secretPropertiesByEnvName() throws IOException {
        Map<String, String> found = new TreeMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:application*.yml")) {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(resource.getFilename(), resource)) {
                EnumerablePropertySource<?> yaml = (EnumerablePropertySource<?>) source;
                for (String name : yaml.getPropertyNames()) {
                    Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(yaml.getProperty(name)));
                    while (placeholder.find()) {
                        // a key prefix or a key store's type names no secret (SecretMasker.NOT_SECRET_NAME says which)
                        if (SECRET_ENV.matcher(placeholder.group(1)).matches()
                                && !SecretMasker.NOT_SECRET_NAME.matcher(placeholder.group(1)).matches()) {
                            found.put(placeholder.group(1), name);
                        }
                    }
                }
            }
        }
        return found;
    }

    @Test
    void theScanFindsTheSecretsTheIssueNamed() throws IOException {
        assertThat(secretPropertiesByEnvName()).containsEntry("REDDIT_CLIENT_SECRET", "ztrade.reddit.client-secret")
                .containsEntry("COINGECKO_API_KEY", "ztrade.coingecko.api-key")
                .containsEntry("ALPACA_SECRET_KEY", "ztrade.alpaca.secret-key")
                .containsEntry("ZTRADE_SMTP_PASSWORD", "ztrade.alerts.email.password")
                .containsEntry("ZTRADE_ALERT_TELEGRAM_BOT_TOKEN", "ztrade.alerts.telegram.bot-token");
    }

    @Test
    void onlyKeyPrefixesAndKeyStoreTypesAndAliasesAreLeftOut() throws IOException {
        Map<String, String> all = new TreeMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:application*.yml")) {
            String text = resource.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                if (SECRET_ENV.matcher(placeholder.group(1)).matches()) {
                    all.put(placeholder.group(1), resource.getFilename());
                }
            }
        }
        assertThat(all.keySet()).filteredOn(env -> SecretMasker.NOT_SECRET_NAME.matcher(env).matches())
                .allMatch(env -> env.matches(".*KEY_(PREFIX|STORE_TYPE|ALIAS)"));
        assertThat(secretPropertiesByEnvName().keySet()).containsAll(all.keySet().stream()
                .filter(env -> !SecretMasker.NOT_SECRET_NAME.matcher(env).matches()).toList());
    }

    @Test
    void switchesAndNumbersAreNeverMasked() {
        SecretMasker masker = new SecretMasker(new MockEnvironment().withProperty("hawtio.keycloakEnabled", "false")
                .withProperty("ztrade.some.token-ttl", "3600").withProperty("ztrade.redis.key-prefix", "ztrade:"));
        assertThat(masker.mask("ztrade: false 3600")).isEqualTo("ztrade: false 3600");
    }

    @Test
    void everySecretBoundFromTheEnvironmentIsMaskedWhenSetAsAProperty() throws IOException {
        Map<String, String> secrets = secretPropertiesByEnvName();
        MockEnvironment environment = new MockEnvironment();
        secrets.forEach((env, property) -> environment.setProperty(property, "value-of-" + env + "-9f3k"));
        SecretMasker masker = new SecretMasker(environment);
        secrets.forEach((env, property) -> assertThat(masker.mask("run failed: GET x answered 401 for value-of-" + env
                + "-9f3k (retrying)")).as(property).doesNotContain("value-of-" + env).contains("run failed"));
    }

    @Test
    void everySecretBoundFromTheEnvironmentIsMaskedWhenSetAsAnEnvironmentVariable() throws IOException {
        Map<String, String> secrets = secretPropertiesByEnvName();
        Map<String, Object> variables = new TreeMap<>();
        secrets.keySet().forEach(env -> variables.put(env, "env-value-of-" + env + "-7q2w"));
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME
                + "-test", variables));
        SecretMasker masker = new SecretMasker(environment);
        secrets.keySet().forEach(env -> assertThat(masker.mask("failed: env-value-of-" + env + "-7q2w"))
                .as(env).doesNotContain("env-value-of-" + env));
    }

    @Test
    void furtherUsersPasswordsAreMaskedToo() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("ztrade.security.users[0].password", "ops-password-123")
                .withProperty("ZTRADE_SECURITY_USERS_1_PASSWORD", "ops-password-456");
        SecretMasker masker = new SecretMasker(environment);
        assertThat(masker.mask("x ops-password-123 y ops-password-456")).isEqualTo("x *** y ***");
    }

    @Test
    void thePasswordInAnyUrlIsMasked() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("ztrade.redis.url", "redis://default:redis-pa55word@cache.internal:6379")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/ztrade?user=zt&password=pg-pa55word")
                .withProperty("ztrade.alerts.webhook.url", "https://hooks.slack.com/services/T0001/B0002/webhookS3cretPath");
        SecretMasker masker = new SecretMasker(environment);
        assertThat(masker.mask("Unable to connect to redis://default:redis-pa55word@cache.internal:6379"))
                .doesNotContain("redis-pa55word").contains("cache.internal");
        assertThat(masker.mask("auth failed (redis-pa55word)")).doesNotContain("redis-pa55word");
        assertThat(masker.mask("FATAL: password authentication failed; url jdbc:postgresql://db:5432/ztrade?user=zt"
                + "&password=pg-pa55word")).doesNotContain("pg-pa55word");
        assertThat(masker.mask("the server said pg-pa55word")).doesNotContain("pg-pa55word");
        assertThat(masker.mask("POST https://hooks.slack.com/services/T0001/B0002/webhookS3cretPath answered 404"))
                .doesNotContain("webhookS3cretPath");
        // credentials in a URL the app never configured, e.g. quoted in a provider's error
        assertThat(new SecretMasker(new MockEnvironment()).mask("GET https://bob:hunter2hunter@proxy.example/x failed"))
                .doesNotContain("hunter2hunter").contains("proxy.example");
    }

    @Test
    void keysInQueriesAreMaskedAndOrdinaryTextIsLeftAlone() {
        SecretMasker masker = new SecretMasker(new MockEnvironment());
        assertThat(masker.mask("GET https://www.alphavantage.co/query?function=NEWS&apikey=ABCDEF123 failed"))
                .doesNotContain("ABCDEF123");
        assertThat(masker.mask("agent test_stock: BTC/USD quote is 400 s old")).isEqualTo("agent test_stock: BTC/USD quote is 400 s old");
        assertThat(masker.mask(null)).isNull();
    }
}
