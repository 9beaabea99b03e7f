package io.ztrade.broker;

import java.util.Locale;

public enum OrderSide {
    BUY, SELL;

    public String alpacaName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
