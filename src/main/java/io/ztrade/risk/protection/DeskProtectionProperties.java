package io.ztrade.risk.protection;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Desk-wide protections ({@code ztrade.protections.desk.*}): the same limits as an agent's, over every agent's
 * P&L together (realized + unrealized, each agent marked at its latest run's price). Tripping one halts the whole desk
 * until an operator lifts the hold. Both are off (0) by default.
 *
 * @param maxDrawdown  dollars the desk's P&L may fall below its peak (defaults to 0, off)
 * @param maxDailyLoss dollars the desk may lose in one New York day (defaults to 0, off)
 */
@Validated
@ConfigurationProperties("ztrade.protections.desk")
public record DeskProtectionProperties(
        @DefaultValue("0") @NotNull @PositiveOrZero BigDecimal maxDrawdown,
        @DefaultValue("0") @NotNull @PositiveOrZero BigDecimal maxDailyLoss) {
}
