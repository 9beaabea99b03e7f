package io.ztrade.agent.steps;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.AgentSettings;
import io.ztrade.market.MarketDataProvider;
import io.ztrade.market.MarketSnapshot;
import io.ztrade.provider.ProviderCircuitBreakers;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code direct:marketData}: the resource the template's {@code marketData} enrich calls. */
@Component
public class MarketDataRoutes extends RouteBuilder {

    private final MarketDataProvider provider;

    public MarketDataRoutes(MarketDataProvider provider) {
        this.provider = provider;
    }

    @Override
    public void configure() {
        from("direct:marketData").routeId("market-data")
                // failures go back to the agent route, whose error handler redelivers and records them
                .errorHandler(noErrorHandler())
                // Alpaca's data API behind its shared breaker: while it is down, runs fail at once instead of waiting
                .circuitBreaker().id("alpacaDataCircuit")
                    .resilience4jConfiguration().circuitBreaker(ProviderCircuitBreakers.ALPACA_DATA_BREAKER).throwExceptionWhenHalfOpenOrOpenState(true).end()
                    .bean(this, "snapshot").id("fetchSnapshot")
                .end();
    }

    /** The run's symbol, with the bars its technical analysis wants. */
    public MarketSnapshot snapshot(AgentRun run) {
        AgentSettings agent = run.agent();
        return provider.snapshot(Stages.instrument(agent), agent.barTimeframe(), agent.barCount());
    }
}
