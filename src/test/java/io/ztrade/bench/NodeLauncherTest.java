package io.ztrade.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's node launcher, from a fresh clone (no target/bench yet): issue 14's "node-0-RoutesOnly.log (No such file)". */
class NodeLauncherTest {

    @TempDir
    Path clone;

    /** A stand-in node: writes the result line it is given to the result file it is given. */
    public static final class EchoNode {
        public static void main(String[] args) throws Exception {
            if (args.length > 1) {
                Files.writeString(Path.of(args[0]), args[1] + "\n");
            }
            System.out.println("echo node ran");
        }
    }

    @Test
    void createsTheBenchDirectoryAndReadsTheNodesResultLine() throws Exception {
        Path bench = clone.resolve("target/bench");
        NodeLauncher launcher = new NodeLauncher(bench, List.of("-Xmx32m"), Duration.ofMinutes(1));

        Map<String, String> result = launcher.run("node-0-RoutesOnly", EchoNode.class,
                List.of(launcher.resultFile("node-0-RoutesOnly").toString(), "bench-node-result n=0 mbeans=RoutesOnly fired=0"));

        assertThat(result).containsEntry("n", "0").containsEntry("mbeans", "RoutesOnly").containsEntry("fired", "0");
        assertThat(bench.resolve("node-0-RoutesOnly.log")).content().contains("echo node ran");
    }

    @Test
    void aNodeWithoutAResultNamesItsLog() {
        NodeLauncher launcher = new NodeLauncher(clone.resolve("target/bench"), List.of("-Xmx32m"), Duration.ofMinutes(1));

        assertThatThrownBy(() -> launcher.run("node-5-Default", EchoNode.class, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("node-5-Default exited 0 without a result")
                .hasMessageContaining("node-5-Default.log");
    }
}
