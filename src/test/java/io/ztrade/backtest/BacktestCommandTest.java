package io.ztrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
        // a backtest serves no login: it must not take (and print) the admin password the app's first start tells
        Path keptPassword = Path.of("data", "admin-password.bcrypt");
        boolean keptBefore = Files.exists(keptPassword);
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
            assertThat(Files.exists(keptPassword)).as("data/admin-password.bcrypt made by a backtest").isEqualTo(keptBefore);
        } finally {
            System.clearProperty("ztrade.journal.dir");
        }
    }

    @Test
    void theSummarySaysWhatTheReplayUsedAndBenchmarksTheSameCapital() {
        // the hand-made report of BacktestReportTest: no sentiment, agent capped at $1,000, price 100 -> 120
        String summary = BacktestCommand.report(BacktestReportTest.report(Map.of()));
        assertThat(summary).contains("sentiment            none: technical only, 60.00% of the live decision "
                        + "(sentimentWeight) left out")
                .contains("fills                at the run's price moved 5.0 bps against the order, commission $0.00 + 0.0 bps")
                .contains("total return         +0.50%   (buy and hold of $1000.00, the agent's maxPositionValue: +2.00%; "
                        + "the price +20.00%)")
                .contains("PSR 93.47% (P[true Sharpe > 0])")
                .contains("Calmar               n/a")
                .contains("profit factor        n/a")
                .contains("expectancy           $50.00 per closing trade")
                .contains("max losing streak    0 closing trades")
                .contains("average holding      2.0 days")
                .contains("capital deployed     average $210.00, max $550.00");
    }
}
