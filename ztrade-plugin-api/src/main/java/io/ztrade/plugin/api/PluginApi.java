package io.ztrade.plugin.api;

/**
 * The plugin API's version. Ztrade loads a plugin built against the same major version; a step may name the API
 * version it was written for in {@link Step#apiVersion()}.
 */
public final class PluginApi {

    /** major.minor: a minor version only adds (new default methods, new values); a major one may break. */
    public static final String VERSION = "1.0";

    private PluginApi() {
    }

    /** The major part of {@link #VERSION} (or of another version such as "1.3"). */
    public static int major(String version) {
        int dot = version.indexOf('.');
        return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    }
}
