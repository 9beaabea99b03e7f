package io.ztrade.plugins;

/** An agent's choice of steps that cannot be made: an unknown name or a bad parameter value. */
public class PluginChoiceException extends RuntimeException {

    private final String field;

    public PluginChoiceException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The template parameter at fault, e.g. {@code strategy} or {@code meanReversion.window}. */
    public String field() {
        return field;
    }
}
