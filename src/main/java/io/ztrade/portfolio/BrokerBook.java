package io.ztrade.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.ztrade.broker.BrokerOrders;
import io.ztrade.market.MarketCalendar;
import io.ztrade.provider.AlpacaClient;
import io.ztrade.provider.HttpReply;
import io.ztrade.provider.Json;
import io.ztrade.provider.ProviderCircuitBreakers;
import io.ztrade.provider.ProviderDataException;
import io.ztrade.provider.ProviderEndpoints;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Reads the broker's books for the portfolio view: account, positions and the orders of the New York day, three calls
 * to Alpaca's trading API (or the simulator) through the shared rate gate and the trading circuit breaker, like every
 * other broker call. Read only.
 */
@Component
class BrokerBook {

    private final AlpacaClient alpaca;
    private final ProviderEndpoints endpoints;
    private final BrokerOrders orders;
    private final CircuitBreaker breaker;
    private final ObjectMapper mapper;
    private final Clock clock;

    BrokerBook(AlpacaClient alpaca, ProviderEndpoints endpoints, BrokerOrders orders,
               @Qualifier(ProviderCircuitBreakers.ALPACA_TRADING_BREAKER) CircuitBreaker breaker, ObjectMapper mapper) {
        this.alpaca = alpaca;
        this.endpoints = endpoints;
        this.orders = orders;
        this.breaker = breaker;
        this.mapper = mapper;
        this.clock = Clock.systemUTC();
    }

    BrokerReading read() {
        return breaker.executeSupplier(this::readNow);
    }

    /** Midnight in New York today: the day orders and today's P&L count from. */
    static Instant dayStart(Instant now) {
        return LocalDate.ofInstant(now, MarketCalendar.NEW_YORK).atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
    }

    private BrokerReading readNow() {
        Instant now = clock.instant();
        JsonNode account = get("/v2/account");
        String t = endpoints.alpacaTrading() + "/v2/account";
        BigDecimal equity = Json.decimal(account, "equity", t);
        // an account without last_equity (a fresh one): today started at today's equity
        BigDecimal lastEquity = account.hasNonNull("last_equity") ? Json.decimal(account, "last_equity", t) : equity;
        JsonNode positions = get("/v2/positions");
        if (!positions.isArray()) {
            throw new ProviderDataException(endpoints.alpacaTrading() + "/v2/positions sent no JSON array of positions");
        }
        List<BrokerReading.Holding> holdings = new ArrayList<>();
        String p = endpoints.alpacaTrading() + "/v2/positions";
        for (JsonNode json : positions) {
            BigDecimal qty = Json.decimal(json, "qty", p);
            BigDecimal marketValue = Json.decimal(json, "market_value", p);
            BigDecimal current = Json.optionalDecimal(json, "current_price");
            holdings.add(new BrokerReading.Holding(Json.text(json, "symbol", p), qty, Json.decimal(json, "avg_entry_price", p),
                    marketValue, Json.optionalDecimal(json, "cost_basis"), Json.optionalDecimal(json, "unrealized_pl"),
                    current, Json.optionalDecimal(json, "lastday_price")));
        }
        return new BrokerReading(now, equity, lastEquity, Json.decimal(account, "cash", t),
                Json.decimal(account, "buying_power", t), List.copyOf(holdings), orders.ordersSince(dayStart(now)));
    }

    private JsonNode get(String path) {
        HttpReply reply = alpaca.get(endpoints.alpacaTrading() + path);
        if (!reply.ok()) {
            throw new ProviderDataException(reply.target() + " answered HTTP " + reply.status());
        }
        return reply.json(mapper);
    }
}
