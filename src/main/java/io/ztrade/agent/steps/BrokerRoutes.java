package io.ztrade.agent.steps;

import io.ztrade.provider.ProviderCircuitBreakers;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.stereotype.Component;

/**
 * {@code direct:submitOrder}: at most one submission per client order id. The idempotent repository (in
 * memory by default, Redis in production) stops a second attempt for the same fire time on any node; a
 * failed attempt releases its id at once (completionEager) so the agent route's redelivery can try again
 * with the same id, and Alpaca's own uniqueness check backs this up.
 */
@Component
public class BrokerRoutes extends RouteBuilder {

    private final IdempotentRepository orderIds;
    private final OrderPlacement placement;

    public BrokerRoutes(IdempotentRepository orderIds, OrderPlacement placement) {
        this.orderIds = orderIds;
        this.placement = placement;
    }

    @Override
    public void configure() {
        from("direct:submitOrder").routeId("submit-order")
                // failures go back to the agent route, whose error handler redelivers and records them
                .errorHandler(noErrorHandler())
                .idempotentConsumer(simple("${body.clientOrderId}"), orderIds)
                    .skipDuplicate(false).completionEager(true).id("orderOnce")
                    .choice().id("duplicateOrder")
                        .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                            .bean(placement, "alreadySubmitted").id("alreadySubmitted")
                        .otherwise()
                            // Alpaca's trading API behind its shared breaker (risk's account reads use the same one)
                            .circuitBreaker().id("alpacaTradingCircuit")
                                .resilience4jConfiguration().circuitBreaker(ProviderCircuitBreakers.ALPACA_TRADING_BREAKER).throwExceptionWhenHalfOpenOrOpenState(true).end()
                                .bean(placement, "place").id("placeOrder")
                            .end()
                    .end()
                .end();
    }
}
