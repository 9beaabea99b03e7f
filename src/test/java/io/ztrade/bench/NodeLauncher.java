package io.ztrade.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a bench node ({@link BenchNode}) in a JVM of its own and reads its result line. Everything the node writes
 * (its agents' YAML, its log, its result) goes under {@code dir}, which the launcher creates: a fresh clone has no
 * {@code target/bench} yet.
 *
 * @param dir      where the nodes' files go ({@code target/bench})
 * @param jvmFlags flags of every node's JVM ({@code -Xmx...}, {@code -Dbench.histo=true}, a JFR recording)
 * @param timeout  how long one node may take
 */
record NodeLauncher(Path dir, List<String> jvmFlags, Duration timeout) {

    /** Runs one {@link BenchNode} with n agents and returns its result line's fields. */
    Map<String, String> run(int n, String mbeans) throws IOException, InterruptedException {
        String name = "node-" + n + "-" + mbeans;
        return run(name, BenchNode.class, List.of(Integer.toString(n), dir.resolve("agents-" + n).toAbsolutePath().toString(),
                resultFile(name).toString(), mbeans));
    }

    /** Runs {@code main} with {@code args}; it is to write its {@code key=value ...} result line to {@link #resultFile}. */
    Map<String, String> run(String name, Class<?> main, List<String> args) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path result = resultFile(name);
        Files.deleteIfExists(result);
        Path log = dir.resolve(name + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!node.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            node.destroyForcibly();
            throw new IllegalStateException(name + " did not finish in " + timeout + " (" + log + ")");
        }
        if (!Files.exists(result)) {
            throw new IllegalStateException(name + " exited " + node.exitValue() + " without a result (" + log + ")");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String kv : Files.readString(result).trim().split(" ")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                fields.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return fields;
    }

    Path resultFile(String name) {
        return dir.resolve(name + ".txt").toAbsolutePath();
    }
}
