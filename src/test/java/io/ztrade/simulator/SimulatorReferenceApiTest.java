package io.ztrade.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /v2/calendar} from the NYSE rules and {@code /v2/assets/{symbol_or_asset_id}}, in Alpaca's shapes. */
class SimulatorReferenceApiTest extends SimulatorApiSupport {

    @Test
    void theCalendarListsTradingDaysWithEarlyClosesAndSettlement() throws Exception {
        JsonNode days = get("/v2/calendar?start=2026-11-25&end=2026-12-01").json();

        // Thanksgiving (Thursday 26) and the weekend are not trading days; Friday closes at 13:00
        assertThat(dates(days)).containsExactly("2026-11-25", "2026-11-27", "2026-11-30", "2026-12-01");
        JsonNode wednesday = days.get(0);
        assertThat(fieldNames(wednesday)).containsExactly("date", "open", "close", "session_open", "session_close", "settlement_date");
        assertThat(wednesday.get("open").asText()).isEqualTo("09:30");
        assertThat(wednesday.get("close").asText()).isEqualTo("16:00");
        assertThat(wednesday.get("session_open").asText()).isEqualTo("0400");
        assertThat(wednesday.get("session_close").asText()).isEqualTo("2000");
        assertThat(wednesday.get("settlement_date").asText()).isEqualTo("2026-11-27");
        assertThat(days.get(1).get("close").asText()).isEqualTo("13:00");
        assertThat(days.get(1).get("settlement_date").asText()).isEqualTo("2026-11-30");
    }

    @Test
    void settlementDatesCanBoundTheCalendar() throws Exception {
        JsonNode days = get("/v2/calendar?start=2026-11-27&end=2026-11-27&date_type=SETTLEMENT").json();
        assertThat(dates(days)).containsExactly("2026-11-25");
    }

    @Test
    void withoutBoundsTheWholeCalendarAsAtAlpaca() throws Exception {
        JsonNode days = get("/v2/calendar").json();
        assertThat(days.get(0).get("date").asText()).isEqualTo("1970-01-02");
        assertThat(days.size()).isGreaterThan(252 * 59);
    }

    @ParameterizedTest
    @ValueSource(strings = {"start=tomorrow", "end=2026-02-30", "date_type=BUSINESS", "start=1900-01-01&end=2026-01-01"})
    void aBadCalendarParameterIsNamed(String query) throws Exception {
        String name = query.contains("date_type") ? "date_type" : query.contains("tomorrow") ? "start"
                : query.contains("02-30") ? "end" : "years";
        assertAlpacaError(get("/v2/calendar?" + query), 422, name);
    }

    @Test
    void anEquityAssetHasAlpacasFields() throws Exception {
        JsonNode tsla = get("/v2/assets/TSLA").json();

        assertThat(fieldNames(tsla)).containsExactly("id", "class", "exchange", "symbol", "name", "status", "tradable",
                "marginable", "maintenance_margin_requirement", "shortable", "easy_to_borrow", "fractionable", "attributes");
        assertThat(tsla.get("class").asText()).isEqualTo("us_equity");
        assertThat(tsla.get("exchange").asText()).isEqualTo("NASDAQ");
        assertThat(tsla.get("symbol").asText()).isEqualTo("TSLA");
        assertThat(tsla.get("status").asText()).isEqualTo("active");
        for (String flag : List.of("tradable", "marginable", "shortable", "easy_to_borrow", "fractionable")) {
            assertThat(tsla.get(flag).asBoolean()).as(flag).isTrue();
        }
        assertThat(get("/v2/assets/" + tsla.get("id").asText()).json()).isEqualTo(tsla);
        assertThat(get("/v2/assets/tsla").json()).isEqualTo(tsla);
    }

    @Test
    void aCryptoAssetIsFoundUnderEverySpellingOfItsPair() throws Exception {
        JsonNode btc = get("/v2/assets/BTC/USD").json();

        assertThat(btc.get("class").asText()).isEqualTo("crypto");
        assertThat(btc.get("symbol").asText()).isEqualTo("BTC/USD");
        assertThat(btc.get("shortable").asBoolean()).isFalse();
        assertThat(btc.get("marginable").asBoolean()).isFalse();
        assertThat(get("/v2/assets/BTCUSD").json()).isEqualTo(btc);
        assertThat(get("/v2/assets/" + btc.get("id").asText()).json()).isEqualTo(btc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not_a_symbol!", "TOOLONGSYMBOL1", "00000000-0000-0000-0000-000000000000"})
    void anUnknownAssetIsNotFound(String symbol) throws Exception {
        assertAlpacaError(get("/v2/assets/" + symbol), 404, "asset not found");
    }

    private static List<String> dates(JsonNode days) {
        List<String> dates = new ArrayList<>();
        days.forEach(d -> dates.add(d.get("date").asText()));
        return dates;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
