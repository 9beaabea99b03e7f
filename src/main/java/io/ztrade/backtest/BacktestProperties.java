package io.ztrade.backtest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What a backtest may read and how big it may get ({@code ztrade.backtest.*}), so that backtests over the API never
 * read the server's files nor take the trading JVM's memory or cores. Documented in docs/replay.md.
 *
 * @param dataDir         the only folder API backtests read CSV bars from (a name relative to it); uploads need none
 * @param maxCsvSize      largest CSV file or upload read
 * @param maxCombinations combinations of one sweep
 * @param maxRange        from first to last day of one backtest
 * @param maxBarsPerJob   bars one backtest holds (warm-up included)
 * @param maxRunsPerJob   replayed fire times of one backtest, over all its combinations
 * @param maxHeapPerJob   estimated heap one backtest may hold while it runs (bars, the replays in flight, results)
 * @param maxRunning      backtests replaying at once, all users together
 * @param maxQueued       backtests waiting for a free slot; beyond that a request gets 429
 * @param maxPerUser      backtests one user may have running or queued
 * @param retryAfter      what a 429 tells the client to wait
 * @param keepFinished    finished backtests kept in memory; older ones are read back from their files on disk
 */
@Validated
@ConfigurationProperties("ztrade.backtest")
public record BacktestProperties(
        @DefaultValue("data/bars") @NotNull Path dataDir,
        @DefaultValue("64MB") @NotNull DataSize maxCsvSize,
        @DefaultValue("1000") @Min(1) int maxCombinations,
        @DefaultValue("10y") @NotNull Period maxRange,
        @DefaultValue("500000") @Min(1) int maxBarsPerJob,
        @DefaultValue("5000000") @Min(1) long maxRunsPerJob,
        @DefaultValue("256MB") @NotNull DataSize maxHeapPerJob,
        @DefaultValue("2") @Min(1) int maxRunning,
        @DefaultValue("8") @Min(0) int maxQueued,
        @DefaultValue("2") @Min(1) int maxPerUser,
        @DefaultValue("30s") @NotNull Duration retryAfter,
        @DefaultValue("100") @Min(1) int keepFinished) {
}
