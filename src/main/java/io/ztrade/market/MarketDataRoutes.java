package io.ztrade.market;

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
                    .bean(provider, "snapshot(${body.agent})").id("fetchSnapshot")
                .end();
    }
}
