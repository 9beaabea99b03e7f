package io.ztrade.records;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The journal of performance records the database could not take ({@code ztrade.journal.*}).
 *
 * @param dir            where the append-only journal file lives; keep it on a disk that survives a restart
 *                       (defaults to ./data/journal)
 * @param replayInterval how often the journal is offered to the database again (defaults to 10 s)
 */
@Validated
@ConfigurationProperties("ztrade.journal")
public record JournalProperties(
        @DefaultValue("./data/journal") @NotBlank String dir,
        @DefaultValue("10s") Duration replayInterval) {
}
