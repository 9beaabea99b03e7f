package io.ztrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line runs as its user on their machine: it reads the CSV they name wherever it is (the data dir binds
 * the API only), through the same strict parser.
 */
class BacktestCommandTest {

    @TempDir
    Path dir;

    @Test
    void theCommandLineReadsTheUsersOwnCsvOutsideTheDataDirThroughTheStrictParser() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "t,o,h,l,c,v\n2025-03-03T14:30:00Z,1,1,1,x,1\n");
        // the app the command boots keeps its journal here, not in ./data
        System.setProperty("ztrade.journal.dir", dir.resolve("journal").toString());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            // a file outside any data dir is read (to its bad row), with the parser's own message
            int status = BacktestCommand.run(new String[] {"agent_tsla", "--from", "2025-03-03", "--to", "2025-03-04",
                    "--csv", bad.toString(), "--out", dir.resolve("out").toString()}, new PrintStream(out), new PrintStream(err,
                    true, StandardCharsets.UTF_8));
            assertThat(status).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8).trim())
                    .isEqualTo("backtest: bars file '" + bad + "' row 2, column 'c': not a number");
        } finally {
            System.clearProperty("ztrade.journal.dir");
        }
    }
}
