package io.ztrade.simulator;

import io.ztrade.provider.AlpacaProperties;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.core.env.Environment;

/**
 * Whether the built-in market simulator ({@code /simulator/**}) runs: on in the embedded default, off in the
 * {@code production} profile and off when real broker keys are configured (Alpaca keys with a trading URL that is
 * not the simulator itself: blank means Alpaca's paper API then). {@code ztrade.simulator.enabled=false} turns it
 * off anywhere; {@code =true} where it is never allowed stops start-up with the reason.
 */
public final class BuiltInSimulator {

    public static final String ENABLED = "ztrade.simulator.enabled";

    /** Whether it runs, and why not; {@code refusal} is set when it was asked for where it may not run. */
    public record Decision(boolean on, String reason, String refusal) {
    }

    private BuiltInSimulator() {
    }

    public static Decision decide(Environment environment) {
        String asked = environment.getProperty(ENABLED, "");
        boolean askedOn = asked.trim().equalsIgnoreCase("true");
        if (!asked.isBlank() && !askedOn && !asked.trim().equalsIgnoreCase("false")) {
            return new Decision(false, "invalid " + ENABLED, ENABLED + " must be true or false, got '" + asked.trim() + "'");
        }
        String forbidden = null;
        if (environment.matchesProfiles("production")) {
            forbidden = "the production profile is active";
        } else if (hasRealBrokerKeys(environment)) {
            forbidden = "Alpaca keys are set (ALPACA_API_KEY, ALPACA_SECRET_KEY) for a broker that is not the simulator";
        }
        if (forbidden != null) {
            return new Decision(false, forbidden, askedOn ? "ztrade.simulator.enabled=true but the built-in simulator never"
                    + " runs when " + forbidden + "; remove ZTRADE_SIMULATOR_ENABLED (or set it to false)" : null);
        }
        if (asked.trim().equalsIgnoreCase("false")) {
            return new Decision(false, ENABLED + "=false", null);
        }
        return new Decision(true, "embedded default", null);
    }

    /** Keys for a real account: Alpaca keys and a trading URL other than the simulator's own (blank = paper). */
    static boolean hasRealBrokerKeys(Environment environment) {
        String key = environment.getProperty("ztrade.alpaca.api-key", "");
        String secret = environment.getProperty("ztrade.alpaca.secret-key", "");
        if (key.isBlank() || secret.isBlank()) {
            return false;
        }
        return !isSimulatorUrl(environment.getProperty("ztrade.alpaca.base-url", ""));
    }

    /** A loopback URL whose path is the simulator's, as {@code ProviderEndpoints} makes it. */
    static boolean isSimulatorUrl(String url) {
        if (url.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(url.trim());
            return uri.getRawUserInfo() == null && AlpacaProperties.isLoopback(uri.getHost()) && uri.getPath() != null
                    && uri.getPath().startsWith("/simulator/");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
