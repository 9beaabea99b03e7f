package io.ztrade.agent;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Each run's own log ({@code ztrade.run-logs.*}; {@link RunLogs}). Bounded per run, so a run that logs in a loop
 * costs at most {@code maxLines x maxLineLength} characters of heap while it runs and of database once it ended.
 *
 * @param maxLines      lines kept per run (default 500): the first {@code maxLines - tailLines} and the last
 *                      {@code tailLines}, with one line in between saying how many were left out
 * @param tailLines     of those, how many are the run's last lines (default 100: where a failure says why)
 * @param maxLineLength characters kept of one line (default 2000), its exception's summary included
 */
@Validated
@ConfigurationProperties("ztrade.run-logs")
public record RunLogsProperties(
        @DefaultValue("500") @Min(2) int maxLines,
        @DefaultValue("100") @Min(1) int tailLines,
        @DefaultValue("2000") @Min(80) int maxLineLength) {

    public RunLogsProperties {
        if (tailLines >= maxLines) {
            throw new IllegalArgumentException("ztrade.run-logs.tail-lines (" + tailLines
                    + ") must be below ztrade.run-logs.max-lines (" + maxLines + ")");
        }
    }
}
