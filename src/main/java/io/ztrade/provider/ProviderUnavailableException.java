package io.ztrade.provider;

/** A provider could not be reached, timed out or answered 5xx: worth a redelivery. */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message) {
        super(message);
    }

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
