package io.ztrade.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.provider.AlpacaClient;
import io.ztrade.provider.HttpReply;
import io.ztrade.provider.Json;
import io.ztrade.provider.ProviderDataException;
import io.ztrade.provider.ProviderEndpoints;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The account reads of Alpaca's trading API (account, positions) that {@link AlpacaBroker} answers for risk and reconciliation. */
final class AlpacaAccountReads {

    private final AlpacaClient alpaca;
    private final ProviderEndpoints endpoints;
    private final ObjectMapper mapper;

    AlpacaAccountReads(AlpacaClient alpaca, ProviderEndpoints endpoints, ObjectMapper mapper) {
        this.alpaca = alpaca;
        this.endpoints = endpoints;
        this.mapper = mapper;
    }

    List<Position> positions() {
        HttpReply reply = alpaca.get(endpoints.alpacaTrading() + "/v2/positions");
        AlpacaReplies.requireOk(reply, mapper);
        JsonNode positions = reply.json(mapper);
        if (!positions.isArray()) {
            throw new ProviderDataException(reply.target() + " sent no JSON array of positions");
        }
        List<Position> all = new ArrayList<>();
        for (JsonNode json : positions) {
            String t = reply.target();
            all.add(new Position(Json.text(json, "symbol", t), Json.decimal(json, "qty", t),
                    Json.optionalDecimal(json, "market_value"), Json.optionalDecimal(json, "avg_entry_price")));
        }
        return all;
    }

    Account account() {
        HttpReply reply = alpaca.get(endpoints.alpacaTrading() + "/v2/account");
        AlpacaReplies.requireOk(reply, mapper);
        JsonNode json = reply.json(mapper);
        String t = reply.target();
        return new Account(Json.decimal(json, "cash", t), Json.decimal(json, "equity", t), Json.decimal(json, "buying_power", t),
                json.path("trading_blocked").asBoolean(false), json.path("account_blocked").asBoolean(false));
    }

    Optional<Position> position(String symbol) {
        // positions are keyed without the slash: BTC/USD is BTCUSD
        String key = symbol.replace("/", "");
        HttpReply reply = alpaca.get(endpoints.alpacaTrading() + "/v2/positions/" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        if (reply.status() == 404) {
            return Optional.empty();
        }
        AlpacaReplies.requireOk(reply, mapper);
        JsonNode json = reply.json(mapper);
        String t = reply.target();
        return Optional.of(new Position(symbol, Json.decimal(json, "qty", t), Json.decimal(json, "market_value", t),
                Json.decimal(json, "avg_entry_price", t)));
    }
}
