package io.ztrade.market;

import io.ztrade.provider.ProviderDataException;

/** Market data a trader must not act on: NaN, zero or negative prices, missing fields, bars out of order. */
public class BadMarketDataException extends ProviderDataException {

    public BadMarketDataException(String message) {
        super(message);
    }
}
