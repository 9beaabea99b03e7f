package io.ztrade.plugins;

/** A plugin jar that did not load: start-up fails with the jar and the reason. */
public class PluginLoadException extends RuntimeException {

    public PluginLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
