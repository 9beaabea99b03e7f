package io.ztrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/backtest --optimize: its options, their mistakes, and a small optimisation end to end. */
class BacktestCommandOptimizeTest {

    @TempDir
    Path dir;

    @Test
    void theOptimisationsOptionsAreReadAndTheirMistakesNamedBeforeTheAppStarts() {
        Map<String, String> optimization = new LinkedHashMap<>();
        BacktestSpec spec = BacktestCommand.parse(new String[] {"agent_tsla", "--from", "2025-01-01", "--to", "2025-12-31",
                "--optimize", "threshold=0.05:0.4,sentimentWeight=0:1", "--trials", "200", "--objective", "sharpe",
                "--walk-forward", "train=6M,test=1M"}, new ArrayList<>(), optimization);
        assertThat(spec.agent()).isEqualTo("agent_tsla");
        assertThat(optimization).containsExactly(Map.entry("optimize", "threshold=0.05:0.4,sentimentWeight=0:1"),
                Map.entry("trials", "200"), Map.entry("objective", "sharpe"), Map.entry("walk-forward", "train=6M,test=1M"));

        assertThat(error("--trials", "20")).startsWith("backtest: --trials needs --optimize NAME=LO:HI");
        assertThat(error("--optimize", "threshold=0:1", "--sweep", "rsiPeriod=7,14"))
                .startsWith("backtest: --sweep and --optimize do not go together");
        assertThat(error("--optimise", "threshold=0:1")).startsWith("backtest: unknown option --optimise");
    }

    @Test
    void aSmallOptimisationPrintsItsBestSetsThenBacktestsTheWinner() {
        // the test agents, not the user's routes/agents.yaml
        System.setProperty("camel.main.routes-include-pattern", "file:routes/agent-template.yaml,classpath:routes/test-agents.yaml");
        System.setProperty("ztrade.journal.dir", dir.resolve("journal").toString());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = BacktestCommand.run(new String[] {"test_stock", "--from", "2025-03-03", "--to", "2025-03-07",
                    "--set", "cron=0 0 10-15 ? * MON-FRI", "--set", "sentimentWeight=0", "--seed", "4",
                    "--optimize", "threshold=0.05:0.3,rsiPeriod=5:20", "--trials", "6", "--objective", "return",
                    "--out", dir.resolve("out").toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(status).as("%s", err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(printed).contains("optimisation of test_stock").contains("objective return")
                    .contains("best parameter sets, best return first").contains("threshold=").contains("rsiPeriod=")
                    .contains("deflated Sharpe").contains("files: ");
            assertThat(err.toString(StandardCharsets.UTF_8)).as("plain progress lines off a terminal")
                    .contains("optimize test_stock: 6/6 trials");
        } finally {
            System.clearProperty("camel.main.routes-include-pattern");
            System.clearProperty("ztrade.journal.dir");
        }
    }

    private static String error(String... options) {
        String[] full = new String[5 + options.length];
        full[0] = "agent_tsla";
        full[1] = "--from";
        full[2] = "2025-01-01";
        full[3] = "--to";
        full[4] = "2025-02-01";
        System.arraycopy(options, 0, full, 5, options.length);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BacktestCommand.run(full, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        return err.toString(StandardCharsets.UTF_8);
    }
}
