package io.ztrade.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /v2/positions}: Alpaca's position object, long and short, crypto keyed without the slash. */
class SimulatorPositionsApiTest extends SimulatorApiSupport {

    private static final List<String> POSITION_FIELDS = List.of("asset_id", "symbol", "exchange", "asset_class",
            "asset_marginable", "qty", "avg_entry_price", "side", "market_value", "cost_basis", "unrealized_pl",
            "unrealized_plpc", "unrealized_intraday_pl", "unrealized_intraday_plpc", "current_price", "lastday_price",
            "change_today", "qty_available");

    @Test
    void aPositionHasAlpacasFieldsWithNumbersAsStringsThatAddUp() throws Exception {
        String symbol = uniqueSymbol("ZP");
        JsonNode fill = order(symbol, "buy", "market", "3", null, "day", clientId("pos"));

        JsonNode position = positionIn(get("/v2/positions"), symbol);

        assertThat(fieldNames(position)).containsExactlyElementsOf(POSITION_FIELDS);
        for (String field : POSITION_FIELDS) {
            if (!List.of("asset_marginable").contains(field)) {
                assertThat(position.get(field).isTextual()).as(field).isTrue();
            }
        }
        assertThat(position.get("side").asText()).isEqualTo("long");
        assertThat(position.get("asset_class").asText()).isEqualTo("us_equity");
        assertThat(position.get("qty").asText()).isEqualTo("3");
        assertThat(position.get("qty_available").asText()).isEqualTo("3");
        assertThat(new BigDecimal(position.get("avg_entry_price").asText())).isEqualByComparingTo(fill.get("filled_avg_price").asText());
        BigDecimal price = decimal(position, "current_price");
        assertThat(decimal(position, "market_value")).isEqualByComparingTo(price.multiply(new BigDecimal(3)).setScale(2, RoundingMode.HALF_UP));
        assertThat(decimal(position, "unrealized_pl"))
                .isEqualByComparingTo(decimal(position, "market_value").subtract(decimal(position, "cost_basis")));
        assertThat(position.get("asset_id").asText()).isEqualTo(get("/v2/assets/" + symbol).json().get("id").asText());
        assertThat(get("/v2/positions/" + symbol).json()).isEqualTo(position);
    }

    @Test
    void anEquityCanGoShortAndAFlatPositionIsGone() throws Exception {
        String symbol = uniqueSymbol("ZS");
        order(symbol, "sell", "market", "2", null, "day", clientId("short"));

        JsonNode short2 = get("/v2/positions/" + symbol).json();
        assertThat(short2.get("side").asText()).isEqualTo("short");
        assertThat(short2.get("qty").asText()).isEqualTo("-2");
        assertThat(decimal(short2, "market_value")).isNegative();

        order(symbol, "buy", "market", "2", null, "day", clientId("cover"));

        assertAlpacaError(get("/v2/positions/" + symbol), 404, "position does not exist");
        assertThat(symbols(get("/v2/positions"))).doesNotContain(symbol);
    }

    @Test
    void anOpenSellLowersTheQuantityAvailable() throws Exception {
        String symbol = uniqueSymbol("ZV");
        order(symbol, "buy", "market", "5", null, "day", clientId("avail"));
        JsonNode open = order(symbol, "sell", "limit", "2", "100000", "gtc", clientId("avail"));
        try {
            JsonNode position = get("/v2/positions/" + symbol).json();
            assertThat(position.get("qty").asText()).isEqualTo("5");
            assertThat(position.get("qty_available").asText()).isEqualTo("3");
        } finally {
            delete("/v2/orders/" + open.get("id").asText());
        }
    }

    @Test
    void cryptoPositionsAreKeyedWithoutTheSlash() throws Exception {
        buy("BTC/USD", "10", clientId("btc"));

        List<String> symbols = symbols(get("/v2/positions"));

        assertThat(symbols).contains("BTCUSD").doesNotContain("BTC/USD");
        JsonNode btc = positionIn(get("/v2/positions"), "BTCUSD");
        assertThat(btc.get("asset_class").asText()).isEqualTo("crypto");
        assertThat(btc.get("exchange").asText()).isEqualTo("CRYPTO");
        assertThat(get("/v2/positions/BTCUSD").json().get("symbol").asText()).isEqualTo("BTCUSD");
        assertThat(get("/v2/positions/BTC/USD").json().get("symbol").asText()).isEqualTo("BTCUSD");
    }

    private static JsonNode positionIn(Reply reply, String symbol) {
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().isArray()).isTrue();
        for (JsonNode p : reply.json()) {
            if (p.get("symbol").asText().equals(symbol)) {
                return p;
            }
        }
        throw new AssertionError("no position " + symbol + " in " + reply.body());
    }

    private static List<String> symbols(Reply reply) {
        List<String> symbols = new ArrayList<>();
        reply.json().forEach(p -> symbols.add(p.get("symbol").asText()));
        return symbols;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asText());
    }
}
