package io.ztrade.plugin.api;

import java.util.List;

/**
 * What every step of a plugin says about itself. Ztrade lists it at start-up and in {@code GET /api/plugins}.
 * Implementations need a public no-argument constructor ({@link java.util.ServiceLoader}) and must be safe to call
 * from several runs at once: keep no state between calls, or guard it.
 */
public interface Step {

    /**
     * The name agents choose the step by, e.g. {@code meanReversion}: a letter, then letters and digits (it is the
     * prefix of the step's parameters, {@code meanReversion.window}). Unique among the steps of its kind.
     */
    String name();

    /** The step's own version, shown with its name; by default the plugin jar's {@code Implementation-Version}. */
    default String version() {
        Package p = getClass().getPackage();
        return p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : "unversioned";
    }

    /** One line on what the step does. */
    default String description() {
        return "";
    }

    /** The API version the step was written for; Ztrade refuses a step of another major version. */
    default String apiVersion() {
        return PluginApi.VERSION;
    }

    /**
     * The parameters the step takes: an agent gives them as {@code <name()>.<parameter name>}, Ztrade checks them
     * (type and range) before the agent starts, fills in the defaults, and hands them over as {@link Settings}.
     */
    default List<Parameter> parameters() {
        return List.of();
    }
}
