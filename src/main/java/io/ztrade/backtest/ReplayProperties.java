package io.ztrade.backtest;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Backtest defaults ({@code ztrade.replay.*}); a request may set its own fill costs and cash.
 *
 * @param startingCash       dollars in the paper account at the start (defaults to 100,000)
 * @param commissionPerOrder dollars per filled order (defaults to 0, as Alpaca charges no commission)
 * @param commissionBps      basis points of each fill's value (defaults to 0)
 * @param slippageBps        basis points each fill is worse than the price the run saw (defaults to 5)
 * @param seed               the synthetic source's seed (defaults to 42)
 * @param outputDir          where each backtest's report, charts and trades go, one folder per backtest
 * @param threads            parallel replays of a sweep; 0 means one per CPU core
 * @param sentimentMaxAge    how old a recorded sentiment reading may be and still count (defaults to 60 minutes)
 */
@Validated
@ConfigurationProperties("ztrade.replay")
public record ReplayProperties(
        @DefaultValue("100000") @DecimalMin("1") double startingCash,
        @DefaultValue("0") @DecimalMin("0") double commissionPerOrder,
        @DefaultValue("0") @DecimalMin("0") double commissionBps,
        @DefaultValue("5") @DecimalMin("0") double slippageBps,
        @DefaultValue("42") long seed,
        @DefaultValue("data/backtests") Path outputDir,
        @DefaultValue("0") @Min(0) int threads,
        @DefaultValue("60m") Duration sentimentMaxAge) {

    public int parallelism() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
