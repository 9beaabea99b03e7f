package io.ztrade.backtest;

import io.ztrade.ZtradeApplication;
import io.ztrade.backtest.optimize.OptimizeCommand;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line: {@code java -jar ztrade.jar backtest agent_tsla --from 2025-01-01 --to 2025-06-30 --csv bars.csv}
 * (or {@code bin/backtest ...}). Starts the app without its web server and with every live route stopped, replays
 * with a progress bar, prints the report and leaves its files in {@code --out} (default {@code data/backtests}).
 */
public final class BacktestCommand {

    static final String USAGE = """
            usage: backtest <agentId> --from yyyy-MM-dd --to yyyy-MM-dd [options]
              --source synthetic|csv|alpaca|recorded   where the bars come from (default synthetic; --csv implies csv)
              --csv FILE                   bars in Alpaca's format, header t,o,h,l,c,v
              --sentiment recorded|none    recorded readings from agent_runs, or technical only (default)
              --set NAME=VALUE             override a template parameter (repeatable), e.g. --set threshold=0.2
              --sweep NAME=V1,V2,...       sweep a parameter (repeatable); all combinations run in parallel
              --commission DOLLARS         per filled order      --commission-bps BPS   of the traded value
              --slippage-bps BPS           fill worse than the price by this much (default 5)
              --cash DOLLARS               starting cash (default 100000)
              --seed N                     seed of the synthetic source
              --out DIR                    where the report folder goes (default data/backtests)
            """ + OptimizeCommand.USAGE;

    private BacktestCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        BacktestSpec parsed;
        List<String> boot = new ArrayList<>(List.of("--spring.profiles.active=backtest"));
        Map<String, String> optimization = new LinkedHashMap<>();
        try {
            parsed = parse(args, boot, optimization);
        } catch (IllegalArgumentException e) {
            err.println("backtest: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (!"recorded".equals(parsed.source()) && !"recorded".equals(parsed.sentiment()) && System.getenv("ZTRADE_DB_URL") == null) {
            // nothing to read from the records: keep off the app's database (it may be in use)
            boot.add("--spring.datasource.url=jdbc:h2:mem:backtest;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ZtradeApplication.class)
                .web(WebApplicationType.NONE).run(boot.toArray(String[]::new))) {
            Backtests backtests = app.getBean(Backtests.class);
            PreparedBacktest prepared;
            BacktestSpec spec = parsed;
            try {
                // the command line runs as its user, on their machine: it reads the file they name, wherever it is
                // (ztrade.backtest.data-dir binds the API only); the same strict parser and size caps apply
                CsvHistory.Source bars = parsed.csv() == null ? null
                        : new CsvHistory.Source(parsed.csv(), () -> java.nio.file.Files.newInputStream(java.nio.file.Path.of(parsed.csv())));
                if (!optimization.isEmpty()) {
                    // the optimisation prints its own report; its winner is then backtested as any spec, for the files
                    spec = OptimizeCommand.run(app, spec, bars, optimization, out, err);
                    if (spec == null) {
                        return 0;
                    }
                }
                prepared = backtests.prepare(spec, bars);
            } catch (IllegalArgumentException e) {
                err.println("backtest: " + e.getMessage());
                return 2;
            } catch (IllegalStateException e) {
                err.println("backtest: " + e.getMessage());
                return 1;
            }
            int total = backtests.total(prepared);
            AtomicReference<ProgressBar> bar = new AtomicReference<>();
            ProgressBar progress = new ProgressBarBuilder().setTaskName(parsed.agent()).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" runs", 1).showSpeed().setUpdateIntervalMillis(250)
                    .continuousUpdate().build();
            bar.set(progress);
            BacktestJob job;
            try (progress) {
                job = backtests.await(backtests.start(prepared, (done, all) -> bar.get().stepTo(done)));
            }
            if (job.status() != BacktestJob.Status.DONE) {
                err.println("backtest: " + job.view().error());
                return 1;
            }
            out.print(summary(job));
            return 0;
        }
    }

    static String summary(BacktestJob job) {
        StringBuilder s = new StringBuilder(report(job.report()));
        if (!job.sweep().isEmpty()) {
            s.append(String.format(Locale.ROOT, "%nsweep, best Sharpe first:%n%-44s %10s %8s %10s %7s%n", "parameters",
                    "return", "Sharpe", "drawdown", "trades"));
            for (BacktestJob.SweepRow row : job.sweep()) {
                s.append(String.format(Locale.ROOT, "%-44s %10s %8s %10s %7d%n", row.parameters(), pct(row.totalReturn()),
                        num(row.sharpe()), share(row.maxDrawdown()), row.trades()));
            }
        }
        s.append(String.format(Locale.ROOT, "%nfiles: %s (report.json, equity.png, drawdown.png, trades.csv)%n",
                job.dir().toAbsolutePath()));
        return s.toString();
    }

    /** The report's figures, what the replay used first. */
    static String report(BacktestReport r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%n%s %s  %s .. %s  source %s%s%n", r.agentId(), r.symbol(), r.from(), r.to(),
                r.source(), r.overrides().isEmpty() ? "" : "  " + r.overrides()));
        BacktestReport.ReplayInputs in = r.inputs();
        row(s, "sentiment", "none".equals(in.sentiment())
                ? String.format(Locale.ROOT, "none: technical only, %s of the live decision (sentimentWeight) left out",
                        share(in.decisionWeightLeftOut()))
                : String.format(Locale.ROOT, "recorded: %d readings, %s of runs had one within %d min; %s of the live "
                        + "decision left out", in.sentimentReadings(), share(in.sentimentCoverage()),
                        in.sentimentMaxAgeMinutes(), share(in.decisionWeightLeftOut())));
        row(s, "fills", String.format(Locale.ROOT, "at the run's price moved %.1f bps against the order, commission $%.2f"
                + " + %.1f bps", in.fills().slippageBps(), in.fills().commissionPerOrder(), in.fills().commissionBps()));
        row(s, "runs / bars", r.runs() + " / " + r.bars());
        row(s, "total return", pct(r.totalReturn()) + "   (buy and hold of " + dollars(r.benchmarkCapital())
                + ", the agent's maxPositionValue: " + pct(r.benchmarkReturn()) + "; the price " + pct(r.priceReturn()) + ")");
        row(s, "annualised return", pct(r.annualizedReturn()));
        row(s, "Sharpe / Sortino", num(r.sharpe()) + " / " + num(r.sortino()) + "   PSR "
                + (r.probabilisticSharpe() == null ? "n/a" : share(r.probabilisticSharpe())) + " (P[true Sharpe > 0])");
        row(s, "Calmar", num(r.calmar()));
        row(s, "max drawdown", share(r.maxDrawdown()) + "   peak " + r.maxDrawdownPeak() + ", trough " + r.maxDrawdownTrough()
                + ", recovered " + (r.maxDrawdownRecovery() == null ? "never" : r.maxDrawdownRecovery()));
        row(s, "trades / win rate", r.trades() + " / " + (r.winRate() == null ? "n/a" : share(r.winRate()))
                + " of " + r.closingTrades() + " closing");
        row(s, "profit factor", num(r.profitFactor()));
        row(s, "expectancy", r.expectancy() == null ? "n/a" : dollars(r.expectancy()) + " per closing trade");
        row(s, "max losing streak", r.maxConsecutiveLosses() + " closing trades");
        row(s, "average holding", holding(r.averageHoldingMinutes()));
        row(s, "exposure", share(r.exposure()));
        row(s, "capital deployed", "average " + dollars(r.averageDeployed()) + ", max " + dollars(r.maxDeployed()));
        row(s, "fees / slippage", dollars(r.fees()) + " / " + dollars(r.slippage()));
        row(s, "equity", dollars(r.startingCash()) + " -> " + dollars(r.endingEquity()));
        row(s, "statuses", r.statuses().toString());
        row(s, "speed", String.format(Locale.ROOT, "%.0f runs/s (%.1f s)", r.runsPerSecond(), r.elapsedSeconds()));
        return s.toString();
    }

    static BacktestSpec parse(String[] args, List<String> boot) {
        Map<String, String> optimization = new LinkedHashMap<>();
        BacktestSpec spec = parse(args, boot, optimization);
        if (!optimization.isEmpty()) {
            throw new IllegalArgumentException("--" + optimization.keySet().iterator().next() + " is for an optimisation");
        }
        return spec;
    }

    /** As {@link #parse(String[], List)}; the optimisation's options go to {@code optimization}, by name without "--". */
    static BacktestSpec parse(String[] args, List<String> boot, Map<String, String> optimization) {
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new IllegalArgumentException("the agent id comes first");
        }
        String agent = args[0];
        Map<String, String> opts = new LinkedHashMap<>();
        Map<String, Object> set = new LinkedHashMap<>();
        Map<String, List<Object>> sweep = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + name + "'");
            }
            String value = args[++i];
            switch (name) {
                case "--set" -> {
                    String[] kv = pair(name, value);
                    set.put(kv[0], kv[1]);
                }
                case "--sweep" -> {
                    String[] kv = pair(name, value);
                    sweep.put(kv[0], new ArrayList<>(Arrays.asList((Object[]) kv[1].split(","))));
                }
                case "--from", "--to", "--source", "--csv", "--sentiment", "--commission", "--commission-bps",
                     "--slippage-bps", "--cash", "--seed" -> opts.put(name.substring(2), value);
                case "--out" -> boot.add("--ztrade.replay.output-dir=" + value);
                case "--optimize", "--trials", "--objective", "--walk-forward" -> optimization.put(name.substring(2), value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (!optimization.isEmpty() && !optimization.containsKey("optimize")) {
            throw new IllegalArgumentException("--" + optimization.keySet().iterator().next()
                    + " needs --optimize NAME=LO:HI,..., e.g. --optimize threshold=0.05:0.4");
        }
        if (optimization.containsKey("optimize") && !sweep.isEmpty()) {
            throw new IllegalArgumentException("--sweep and --optimize do not go together: the optimiser picks the values");
        }
        String source = opts.getOrDefault("source", opts.containsKey("csv") ? "csv" : "synthetic");
        try {
            return new BacktestSpec(agent, opts.get("from"), opts.get("to"), source, opts.get("csv"), opts.get("sentiment"),
                    set, sweep.isEmpty() ? null : sweep, dbl(opts.get("cash")), dbl(opts.get("commission")),
                    dbl(opts.get("commission-bps")), dbl(opts.get("slippage-bps")),
                    opts.containsKey("seed") ? Long.valueOf(opts.get("seed")) : null);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a number option is not a number: " + e.getMessage());
        }
    }

    private static String[] pair(String option, String value) {
        int eq = value.indexOf('=');
        if (eq < 1) {
            throw new IllegalArgumentException(option + " takes NAME=VALUE, got '" + value + "'");
        }
        return new String[] {value.substring(0, eq), value.substring(eq + 1)};
    }

    private static Double dbl(String value) {
        return value == null ? null : Double.valueOf(value);
    }

    private static void row(StringBuilder s, String label, String value) {
        s.append(String.format(Locale.ROOT, "  %-20s %s%n", label, value));
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%+.2f%%", 100 * fraction);
    }

    private static String share(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    private static String dollars(double value) {
        return String.format(Locale.ROOT, "%s$%.2f", value < 0 ? "-" : "", Math.abs(value));
    }

    private static String holding(Double minutes) {
        if (minutes == null) {
            return "n/a";
        }
        return minutes < 120 ? String.format(Locale.ROOT, "%.1f min", minutes)
                : minutes < 48 * 60 ? String.format(Locale.ROOT, "%.1f hours", minutes / 60)
                : String.format(Locale.ROOT, "%.1f days", minutes / (24 * 60));
    }

    private static String num(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }
}
