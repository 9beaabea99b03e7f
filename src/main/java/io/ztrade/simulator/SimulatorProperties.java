package io.ztrade.simulator;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The built-in simulator's market and account ({@code ztrade.simulator.*}). Whether it runs at all
 * ({@code ztrade.simulator.enabled}) is decided before beans exist, by {@link BuiltInSimulator}.
 *
 * @param seed         same seed, same prices and headlines (defaults to 42)
 * @param startingCash the paper account's cash at start-up, in dollars; it lives in memory, so a restart starts
 *                     afresh (defaults to 100000)
 */
@Validated
@ConfigurationProperties("ztrade.simulator")
public record SimulatorProperties(@DefaultValue("42") long seed,
                                  @DefaultValue("100000") @NotNull @DecimalMin("0") BigDecimal startingCash) {
}
