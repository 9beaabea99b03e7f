package io.ztrade.provider;

/** A provider answered with something a trader must not act on: not JSON, missing fields, impossible values. */
public class ProviderDataException extends RuntimeException {

    public ProviderDataException(String message) {
        super(message);
    }

    public ProviderDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
