package io.ztrade.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /v2/orders}: Alpaca's order object, the list's filters, one order by id, and cancel (204, 422, 404). */
class SimulatorOrdersApiTest extends SimulatorApiSupport {

    /** Every field of Alpaca's order object, in a filled market order. */
    private static final List<String> ORDER_FIELDS = List.of("id", "client_order_id", "created_at", "updated_at",
            "submitted_at", "filled_at", "expired_at", "canceled_at", "failed_at", "replaced_at", "replaced_by", "replaces",
            "asset_id", "symbol", "asset_class", "notional", "qty", "filled_qty", "filled_avg_price", "order_class",
            "order_type", "type", "side", "time_in_force", "limit_price", "stop_price", "status", "extended_hours", "legs",
            "trail_percent", "trail_price", "hwm");

    @Test
    void anOrderHasAlpacasFieldsWithMoneyAsStrings() throws Exception {
        String symbol = uniqueSymbol("ZO");
        JsonNode placed = buy(symbol, "250", clientId("fields"));

        JsonNode order = get("/v2/orders/" + placed.get("id").asText()).json();

        assertThat(iterable(order.fieldNames())).containsExactlyElementsOf(ORDER_FIELDS);
        assertThat(order.get("status").asText()).isEqualTo("filled");
        assertThat(order.get("asset_class").asText()).isEqualTo("us_equity");
        assertThat(order.get("order_class").asText()).isEqualTo("simple");
        assertThat(order.get("type").asText()).isEqualTo("market");
        for (String money : List.of("notional", "filled_qty", "filled_avg_price")) {
            assertThat(order.get(money).isTextual()).as(money).isTrue();
            assertThat(new BigDecimal(order.get(money).asText())).as(money).isPositive();
        }
        assertThat(order.get("notional").asText()).isEqualTo("250");
        assertThat(order.get("qty").isNull()).isTrue();
        assertThat(order.get("limit_price").isNull()).isTrue();
        assertThat(order.get("canceled_at").isNull()).isTrue();
        assertThat(Instant.parse(order.get("filled_at").asText())).isEqualTo(Instant.parse(order.get("submitted_at").asText()));
        assertThat(order.get("asset_id").asText()).isEqualTo(get("/v2/assets/" + symbol).json().get("id").asText());
        assertThat(order).isEqualTo(placed);
    }

    @Test
    void theListFiltersByStatusSubmissionWindowSymbolsAndSide() throws Exception {
        String a = uniqueSymbol("ZL");
        String b = uniqueSymbol("ZL");
        Instant before = Instant.now().minusMillis(1);
        JsonNode first = buy(a, "100", clientId("list"));
        JsonNode second = buy(b, "100", clientId("list"));
        // far below the price: stays open
        JsonNode open = order(a, "buy", "limit", "1", "1.00", "gtc", clientId("list"));
        JsonNode third = buy(a, "100", clientId("list"));
        String window = "&after=" + enc(before) + "&until=" + enc(Instant.now().plusSeconds(1));
        try {
            assertThat(open.get("status").asText()).isEqualTo("new");
            assertThat(open.get("filled_avg_price").isNull()).isTrue();
            assertThat(open.get("filled_qty").asText()).isEqualTo("0");

            // status: open by default, closed, all; newest first by default
            assertThat(ids(get("/v2/orders?symbols=" + a + "," + b + window))).containsExactly(id(open));
            assertThat(ids(get("/v2/orders?status=closed&symbols=" + a + "," + b + window)))
                    .containsExactly(id(third), id(second), id(first));
            assertThat(ids(get("/v2/orders?status=all&symbols=" + a + "," + b + window)))
                    .containsExactly(id(third), id(open), id(second), id(first));
            assertThat(ids(get("/v2/orders?status=all&direction=asc&symbols=" + a + "," + b + window)))
                    .containsExactly(id(first), id(second), id(open), id(third));
            // limit keeps the first ones in the chosen direction
            assertThat(ids(get("/v2/orders?status=all&limit=2&symbols=" + a + "," + b + window))).containsExactly(id(third), id(open));
            assertThat(ids(get("/v2/orders?status=all&limit=1&direction=asc&symbols=" + a + "," + b + window)))
                    .containsExactly(id(first));
            // symbols and side
            assertThat(ids(get("/v2/orders?status=all&symbols=" + b + window))).containsExactly(id(second));
            assertThat(ids(get("/v2/orders?status=all&side=sell&symbols=" + a + "," + b + window))).isEmpty();
            // after and until are exclusive bounds on submitted_at, with any offset
            String firstAt = first.get("submitted_at").asText();
            String thirdAt = third.get("submitted_at").asText();
            assertThat(ids(get("/v2/orders?status=all&symbols=" + a + "," + b + "&after=" + enc(firstAt) + "&until=" + enc(thirdAt))))
                    .containsExactly(id(open), id(second));
            String inParis = Instant.parse(firstAt).atOffset(java.time.ZoneOffset.ofHours(1)).toString();
            assertThat(ids(get("/v2/orders?status=all&symbols=" + a + "," + b + "&after=" + enc(inParis)))).doesNotContain(id(first))
                    .contains(id(second));
            assertThat(ids(get("/v2/orders?status=all&symbols=" + a + "&until=" + enc(before)))).isEmpty();
        } finally {
            delete("/v2/orders/" + id(open));
        }
    }

    @Test
    void theDefaultLimitIs50AndTheMost500() throws Exception {
        String symbol = uniqueSymbol("ZM");
        Instant before = Instant.now().minusMillis(1);
        for (int i = 0; i < 52; i++) {
            buy(symbol, "1", clientId("limit"));
        }
        String query = "/v2/orders?status=closed&symbols=" + symbol + "&after=" + enc(before);
        assertThat(get(query).json()).hasSize(50);
        assertThat(get(query + "&limit=500").json()).hasSize(52);
    }

    @Test
    void cryptoOrdersKeepTheSlashAndASymbolsFilterMatchesEitherSpelling() throws Exception {
        Instant before = Instant.now().minusMillis(1);
        JsonNode order = buy("ETH/USD", "5", clientId("crypto"));
        assertThat(order.get("symbol").asText()).isEqualTo("ETH/USD");
        assertThat(order.get("asset_class").asText()).isEqualTo("crypto");
        for (String spelling : List.of("ETH/USD", "ETHUSD")) {
            assertThat(ids(get("/v2/orders?status=closed&symbols=" + enc(spelling) + "&after=" + enc(before))))
                    .as(spelling).contains(id(order));
        }
    }

    @Test
    void anOpenOrderIsCanceledOnceAndHoldsBuyingPowerUntilThen() throws Exception {
        String symbol = uniqueSymbol("ZC");
        BigDecimal power = new BigDecimal(get("/v2/account").json().get("buying_power").asText());
        JsonNode open = order(symbol, "buy", "limit", "10", "2.50", "day", clientId("cancel"));
        assertThat(new BigDecimal(get("/v2/account").json().get("buying_power").asText()))
                .isEqualByComparingTo(power.subtract(new BigDecimal("25.00")));

        Reply canceled = delete("/v2/orders/" + id(open));

        assertThat(canceled.status()).isEqualTo(204);
        assertThat(canceled.body()).isEmpty();
        JsonNode after = get("/v2/orders/" + id(open)).json();
        assertThat(after.get("status").asText()).isEqualTo("canceled");
        assertThat(Instant.parse(after.get("canceled_at").asText())).isAfterOrEqualTo(Instant.parse(after.get("submitted_at").asText()));
        assertThat(new BigDecimal(get("/v2/account").json().get("buying_power").asText())).isEqualByComparingTo(power);
        assertAlpacaError(delete("/v2/orders/" + id(open)), 422, "order is already in \"canceled\" state");
    }

    @Test
    void aFilledOrderIsNoLongerCancelableAndAnUnknownOneIsNotFound() throws Exception {
        JsonNode filled = buy(uniqueSymbol("ZF"), "10", clientId("filled"));

        assertAlpacaError(delete("/v2/orders/" + id(filled)), 422, "order is already in \"filled\" state");
        assertThat(get("/v2/orders/" + id(filled)).json().get("status").asText()).isEqualTo("filled");
        String unknown = UUID.randomUUID().toString();
        assertAlpacaError(delete("/v2/orders/" + unknown), 404, "order not found");
        assertAlpacaError(get("/v2/orders/" + unknown), 404, "order not found");
        assertAlpacaError(get("/v2/orders/not-an-id"), 422, "order_id");
        // Alpaca's ids also come without dashes
        assertThat(get("/v2/orders/" + id(filled).replace("-", "")).json().get("id").asText()).isEqualTo(id(filled));
    }

    @Test
    void aMarketableLimitOrderFillsAtOnceAtTheMarketPriceOrBetter() throws Exception {
        JsonNode filled = order(uniqueSymbol("ZB"), "buy", "limit", "1", "1000000", "day", clientId("marketable"));
        assertThat(filled.get("status").asText()).isEqualTo("filled");
        assertThat(new BigDecimal(filled.get("filled_avg_price").asText())).isLessThan(new BigDecimal("1000000"));
        assertThat(filled.get("limit_price").asText()).isEqualTo("1000000");
        // not marketable and immediate-or-cancel: canceled at once
        JsonNode ioc = order(uniqueSymbol("ZB"), "buy", "limit", "1", "0.01", "ioc", clientId("ioc"));
        assertThat(ioc.get("status").asText()).isEqualTo("canceled");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "status=bogus | status", "status= | ''", "limit=0 | limit", "limit=501 | limit", "limit=ten | limit",
            "after=yesterday | after", "until=2026-13-01T00:00:00Z | until", "direction=up | direction", "side=short | side",
            "nested=maybe | nested"})
    void aBadParameterIsA422NamingIt(String query, String named) throws Exception {
        Reply reply = get("/v2/orders?" + query);
        if (named.isEmpty()) {
            assertThat(reply.status()).as("a blank value takes the default").isEqualTo(200);
            return;
        }
        assertAlpacaError(reply, 422, named);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"symbol\":\"ZZ\",\"side\":\"buy\",\"type\":\"stop\",\"qty\":\"1\",\"time_in_force\":\"day\",\"client_order_id\":\"x1\"} | 422 | type",
            "{\"symbol\":\"ZZ\",\"side\":\"buy\",\"type\":\"limit\",\"qty\":\"1\",\"time_in_force\":\"day\",\"client_order_id\":\"x2\"} | 422 | limit_price",
            "{\"symbol\":\"ZZ\",\"side\":\"buy\",\"type\":\"market\",\"qty\":\"-1\",\"time_in_force\":\"day\",\"client_order_id\":\"x3\"} | 422 | qty",
            "{\"symbol\":\"ZZ\",\"side\":\"buy\",\"type\":\"market\",\"qty\":\"1\",\"time_in_force\":\"week\",\"client_order_id\":\"x4\"} | 422 | time_in_force",
            "{\"symbol\":\"ZZ\",\"side\":\"buy\",\"type\":\"market\",\"qty\":\"1\",\"notional\":\"5\",\"time_in_force\":\"day\",\"client_order_id\":\"x5\"} | 400 | qty or notional",
            "not json | 400 | JSON"})
    void aBadOrderIsRefusedNamingWhatIsWrong(String body, int status, String named) throws Exception {
        assertAlpacaError(post("/v2/orders", body), status, named);
    }

    @Test
    void aMissingClientOrderIdIsNamed() throws Exception {
        assertAlpacaError(get("/v2/orders:by_client_order_id"), 400, "client_order_id is required");
    }

    /** The market-data simulator shares the error handling: a mistyped number is the client's error, not a 500. */
    @Test
    void aMistypedNumberIsA400NamingIt() throws Exception {
        Reply reply = send("/simulator/alpaca-data/v2/stocks/TSLA/bars?timeframe=1Min&limit=ten");
        assertAlpacaError(reply, 400, "limit has an invalid value 'ten'");
    }

    private static String id(JsonNode order) {
        return order.get("id").asText();
    }

    private static List<String> ids(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().forEach(o -> ids.add(o.get("id").asText()));
        return ids;
    }

    private static String enc(Object value) {
        return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
