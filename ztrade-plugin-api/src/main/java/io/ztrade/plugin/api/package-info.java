/**
 * Ztrade's plugin API: the steps of an agent's run that a user can write without rebuilding Ztrade.
 *
 * <p>A run goes market data -> {@link io.ztrade.plugin.api.SentimentFeed} and {@link io.ztrade.plugin.api.Strategy}
 * -> {@link io.ztrade.plugin.api.DecisionRule} -> risk (Ztrade's own rules, then each {@link
 * io.ztrade.plugin.api.RiskRule} the agent names) -> broker. A plugin implements one or more of these interfaces and
 * lists its classes in {@code META-INF/services/<interface name>} of its jar ({@link java.util.ServiceLoader}); the jar
 * goes into Ztrade's {@code plugins/} folder and an agent chooses the step by name in {@code routes/agents.yaml}
 * ({@code strategy}, {@code sentimentFeed}, {@code decisionRule}, {@code riskRules}), with the step's own
 * {@link io.ztrade.plugin.api.Parameter parameters} as {@code <step name>.<parameter>}.
 *
 * <p>Everything here is plain Java (no Spring, no Camel): the values a step receives and returns are immutable
 * records. A step never reaches the broker: it returns a value, and only an order Ztrade's risk step approved is
 * sent. A step that throws (or takes longer than {@code ztrade.plugins.timeout}) fails its run, not the app. The same
 * step runs live, in {@code bin/ztrade test}, in backtests, sweeps and optimisations.
 */
package io.ztrade.plugin.api;
