package io.ztrade.plugins;

/**
 * The parent of every plugin jar's class loader: the JDK and the plugin API, nothing else of the app. A plugin cannot
 * reach Ztrade's broker, records or Spring context, even by name (a class outside the API is not found); it bundles
 * any library it needs in its own jar.
 */
final class ApiOnlyClassLoader extends ClassLoader {

    private static final String API = "io.ztrade.plugin.api.";

    private final ClassLoader app;

    ApiOnlyClassLoader(ClassLoader app) {
        super("ztrade-plugin-api", ClassLoader.getPlatformClassLoader());
        this.app = app;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(API)) {
            return app.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
