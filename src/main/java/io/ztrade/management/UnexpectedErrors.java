package io.ztrade.management;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An unexpected error is logged in full under a short id; the user sees the id only. */
final class UnexpectedErrors {

    static final String ID_ATTRIBUTE = UnexpectedErrors.class.getName() + ".id";

    private static final Logger LOG = LoggerFactory.getLogger("io.ztrade.errors");
    private static final SecureRandom RANDOM = new SecureRandom();

    private UnexpectedErrors() {
    }

    static String log(Throwable error, String where) {
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        String hex = HexFormat.of().formatHex(id);
        LOG.error("Unexpected error {} on {}", hex, where == null ? "?" : where.replaceAll("[\\r\\n]", "_"), error);
        return hex;
    }

    static String message(String id) {
        return "unexpected error; the server log has the details under id " + id;
    }
}
