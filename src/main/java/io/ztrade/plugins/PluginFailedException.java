package io.ztrade.plugins;

/**
 * A plugin's step threw, took too long or returned something out of range: the run fails (FAILED, the step named,
 * no redelivery: the same inputs would fail the same way), the app goes on.
 */
public class PluginFailedException extends RuntimeException {

    public PluginFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
