package io.ztrade.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Plugin jars built in the test, as a user builds them: the API's sources compiled alone (nothing else on the class
 * path: the API is plain Java), then a plugin's sources against those classes only, jarred with its
 * META-INF/services files. Never the repository's plugins/: each test gets a folder of its own.
 */
final class PluginJars {

    static final Path API_SOURCES = Path.of("ztrade-plugin-api/src/main/java");
    static final Path EXAMPLE = Path.of("examples/mean-reversion-plugin");

    private PluginJars() {
    }

    /** The API's classes, compiled from ztrade-plugin-api/ with an empty class path. */
    static Path apiClasses(Path work) {
        Path out = work.resolve("api-classes");
        compile(out, sources(API_SOURCES), List.of(), "");
        return out;
    }

    /** examples/mean-reversion-plugin built against the API only, as {@code dir/mean-reversion-plugin.jar}. */
    static Path example(Path work, Path api, Path dir) {
        Path classes = work.resolve("example-classes");
        compile(classes, sources(EXAMPLE.resolve("src/main/java")), List.of(), api.toString());
        copyTree(EXAMPLE.resolve("src/main/resources"), classes);
        return jar(classes, dir.resolve("mean-reversion-plugin.jar"));
    }

    /**
     * A plugin from source text: class name to source, and the services it lists (interface name to class names).
     */
    static Path plugin(Path work, Path api, Path jar, Map<String, String> classes, Map<String, String> services) {
        Path out = work.resolve(jar.getFileName() + "-classes");
        List<JavaFileObject> units = new ArrayList<>();
        classes.forEach((name, source) -> units.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        }));
        if (!units.isEmpty()) {
            compile(out, List.of(), units, api.toString());
        }
        services.forEach((type, impl) -> write(out.resolve("META-INF/services/" + type), impl + "\n"));
        return jar(out, jar);
    }

    private static void compile(Path out, List<Path> files, List<JavaFileObject> units, String classpath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Files.createDirectories(out);
            List<JavaFileObject> all = new ArrayList<>(units);
            fm.getJavaFileObjectsFromPaths(files).forEach(all::add);
            List<String> options = List.of("--release", "17", "-d", out.toString(), "-classpath", classpath,
                    "-implicit:none", "-sourcepath", "");
            StringBuilderWriter errors = new StringBuilderWriter();
            if (!javac.getTask(errors, fm, null, options, null, all).call()) {
                throw new IllegalStateException("javac failed:\n" + errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> sources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path jar(Path classes, Path jar) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "1.0.0-test");
        try (Stream<Path> files = Files.walk(classes)) {
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** javac's messages. */
    private static final class StringBuilderWriter extends java.io.StringWriter {
    }
}
