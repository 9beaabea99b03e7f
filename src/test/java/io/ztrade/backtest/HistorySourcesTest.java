package io.ztrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.agent.AgentSettings;
import io.ztrade.market.NyseCalendar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV in Alpaca's bar format, the seeded synthetic walk, visibility of bars at a time, and the command line. */
class HistorySourcesTest {

    static final AgentSettings TSLA = tsla();

    private static AgentSettings tsla() {
        Map<String, Object> p = io.ztrade.agent.TestAgents.defaults("TSLA", "us_equity");
        p.put("agentId", "agent_tsla");
        p.put("cron", "0 */5 9-15 ? * MON-FRI");
        return AgentSettings.fromParameters(p);
    }

    @TempDir
    Path dir;

    @Test
    void readsAlpacaBarCsvInAnyColumnOrderWithinTheRange() throws Exception {
        Path csv = dir.resolve("bars.csv");
        Files.writeString(csv, """
                v,t,o,h,l,c,vw
                100,2025-01-02T14:30:00Z,10,11,9,10.5,10.2
                200,2025-01-02T14:35:00Z,10.5,12,10,11.5,11
                300,2025-01-02T14:40:00Z,11.5,12,11,11.8,11.6
                """);
        PriceHistory h = new CsvHistory(csv).load(TSLA, Instant.parse("2025-01-02T14:35:00Z"), Instant.parse("2025-01-03T00:00:00Z"));
        assertThat(h.bars()).hasSize(2);
        assertThat(h.bars().get(0).c()).isEqualTo(11.5);
        assertThat(h.bars().get(1).v()).isEqualTo(300);
        assertThat(h.timeframe()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aCsvWithoutTheColumnsOrWithABadLineSaysWhere() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "time,open,high,low,close,volume\n");
        assertThatThrownBy(() -> new CsvHistory(csv).load(TSLA, Instant.EPOCH, Instant.now()))
                .hasMessageContaining("has no column 't'");
        Files.writeString(csv, "t,o,h,l,c,v\n2025-01-02T14:30:00Z,10,11,9,oops,1\n");
        assertThatThrownBy(() -> new CsvHistory(csv).load(TSLA, Instant.EPOCH, Instant.now()))
                .hasMessageContaining("row 2, column 'c': not a number");
        Files.writeString(csv, "t,o,h,l,c,v\n2025-01-02T14:30:00Z,10,11,9,10,0\n2025-01-02T14:35:00Z,10,11,0,10,1\n");
        assertThatThrownBy(() -> new CsvHistory(csv).load(TSLA, Instant.EPOCH, Instant.now()))
                .as("a volume of 0 is a bar, a price of 0 is not").hasMessageContaining("row 3, column 'l': a price must be above 0");
        assertThatThrownBy(() -> new CsvHistory(dir.resolve("none.csv")).load(TSLA, Instant.EPOCH, Instant.now()))
                .hasMessageEndingWith("cannot be read");
    }

    @Test
    void syntheticBarsAreDeterministicAndOnlyInTheNyseSession() {
        SyntheticHistory source = new SyntheticHistory(new NyseCalendar(), 42, 250, 0.5, 0.1);
        // Monday 2025-01-06 to Friday 2025-01-10; Thursday the 9th the NYSE was closed (national day of mourning)
        Instant from = Instant.parse("2025-01-06T00:00:00Z");
        Instant to = Instant.parse("2025-01-11T00:00:00Z");
        PriceHistory a = source.load(TSLA, from, to);
        PriceHistory b = source.load(TSLA, from, to);
        assertThat(a.bars()).isEqualTo(b.bars());
        assertThat(a.bars()).hasSize(4 * 78);
        assertThat(a.bars().get(0).t()).isEqualTo(Instant.parse("2025-01-06T14:30:00Z"));
        assertThat(new SyntheticHistory(new NyseCalendar(), 43, 250, 0.5, 0.1).load(TSLA, from, to).bars())
                .isNotEqualTo(a.bars());
    }

    @Test
    void onlyBarsCompleteAtATimeAreVisible() {
        SyntheticHistory source = new SyntheticHistory(new NyseCalendar(), 1, 100, 0.5, 0);
        PriceHistory h = source.load(TSLA, Instant.parse("2025-01-06T00:00:00Z"), Instant.parse("2025-01-07T00:00:00Z"));
        // at 14:40 the 14:30 bar is complete, the 14:35 one ends exactly then (complete), 14:40 has only begun
        Instant at = Instant.parse("2025-01-06T14:40:00Z");
        assertThat(h.barsAt(at, 100)).extracting(b -> b.t().toString())
                .containsExactly("2025-01-06T14:30:00Z", "2025-01-06T14:35:00Z");
        assertThat(h.closeAt(at)).isEqualTo(h.bars().get(1).c());
        assertThat(h.closeAt(Instant.parse("2025-01-06T14:34:59Z"))).isNaN();
        assertThat(h.barsAt(Instant.parse("2025-01-06T14:44:59.999Z"), 1)).hasSize(1)
                .first().extracting(b -> b.t().toString()).isEqualTo("2025-01-06T14:35:00Z");
    }

    @Test
    void theCommandLineReadsItsOptions() {
        List<String> boot = new ArrayList<>();
        BacktestSpec spec = BacktestCommand.parse(new String[] {"agent_tsla", "--from", "2025-01-01", "--to", "2025-06-30",
                "--csv", "bars.csv", "--set", "threshold=0.2", "--sweep", "sentimentWeight=0,0.3", "--slippage-bps", "7",
                "--out", "/tmp/bt"}, boot);
        assertThat(spec.agent()).isEqualTo("agent_tsla");
        assertThat(spec.source()).isEqualTo("csv");
        assertThat(spec.csv()).isEqualTo("bars.csv");
        assertThat(spec.parameters()).containsEntry("threshold", "0.2");
        assertThat(spec.sweep().get("sentimentWeight")).containsExactly("0", "0.3");
        assertThat(spec.slippageBps()).isEqualTo(7.0);
        assertThat(boot).contains("--ztrade.replay.output-dir=/tmp/bt");
        assertThatThrownBy(() -> BacktestCommand.parse(new String[] {"agent_tsla", "--form", "x"}, boot))
                .hasMessage("unknown option --form");
        assertThatThrownBy(() -> BacktestCommand.parse(new String[] {"--from", "x"}, boot))
                .hasMessage("the agent id comes first");
    }
}
