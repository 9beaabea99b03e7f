package io.ztrade.market;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Alpaca's asset classes; each trades in its own hours (NYSE session, or around the clock). */
public enum AssetClass {
    US_EQUITY("us_equity"),
    CRYPTO("crypto");

    private final String alpacaName;

    AssetClass(String alpacaName) {
        this.alpacaName = alpacaName;
    }

    public String alpacaName() {
        return alpacaName;
    }

    public static AssetClass fromAlpacaName(String name) {
        return Arrays.stream(values())
                .filter(v -> v.alpacaName.equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not an asset class; use one of "
                        + Arrays.stream(values()).map(AssetClass::alpacaName).collect(Collectors.joining(", "))));
    }
}
