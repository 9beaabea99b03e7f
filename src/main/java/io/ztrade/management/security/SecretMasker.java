package io.ztrade.management.security;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Masks the configured secrets (API keys, passwords) in text that leaves the app: a failed run's error, which the
 * API, the console and alerts show, and every alert. A provider's exception may quote the URL it called, and Alpha
 * Vantage's carries its key as {@code apikey=...}.
 */
@Component
public class SecretMasker {

    static final String MASK = "***";

    /** Properties whose values are secrets; values shorter than 4 characters are not worth masking (or are blank). */
    static final List<String> SECRET_PROPERTIES = List.of("ztrade.alpaca.api-key", "ztrade.alpaca.secret-key",
            "ztrade.alphavantage.api-key", "ztrade.alerts.email.password", "ztrade.alerts.webhook.url",
            "ztrade.security.admin-password", "spring.datasource.password", "server.ssl.key-store-password");

    private static final Pattern KEY_PARAMETERS = Pattern.compile("(?i)((?:api_?key|token|secret|password)=)[^&\\s\"']+");

    private final List<String> secrets;

    public SecretMasker(Environment environment) {
        this.secrets = SECRET_PROPERTIES.stream().map(environment::getProperty).filter(Objects::nonNull)
                .filter(value -> value.length() >= 4).distinct().toList();
    }

    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return KEY_PARAMETERS.matcher(masked).replaceAll("$1" + MASK);
    }
}
