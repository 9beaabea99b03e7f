package io.ztrade.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random token made at each start (256 bits from {@link SecureRandom}), never logged or shown: only the app's own
 * HTTP client knows it and sends it to the simulator in {@value #HEADER}, so another process on this machine
 * cannot place orders on the simulated account. A bean only while the simulator is on (io.ztrade.simulator).
 */
public class SimulatorToken {

    public static final String HEADER = "X-Ztrade-Simulator-Token";

    private final byte[] token;

    public SimulatorToken() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(random).getBytes(StandardCharsets.US_ASCII);
    }

    public String value() {
        return new String(token, StandardCharsets.US_ASCII);
    }

    /** Constant-time, so the time of a refusal tells nothing about the token. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "SimulatorToken[***]";
    }
}
