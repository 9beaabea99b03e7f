package io.ztrade.simulator;

import io.ztrade.market.AssetClass;
import io.ztrade.market.MarketCalendar;
import io.ztrade.market.MarketSession;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /v2/calendar} from the built-in NYSE rules: one entry per trading day with {@code open}/{@code close}
 * ("09:30", "16:00" or "13:00" on an early close), the extended {@code session_open}/{@code session_close} ("0400",
 * "2000") and the T+1 {@code settlement_date}. {@code start}/{@code end} are inclusive dates; without them the whole
 * calendar, as at Alpaca (here 1970 to three years ahead). {@code date_type=SETTLEMENT} bounds the settlement date.
 */
final class SimulatedCalendar {

    static final LocalDate FIRST = LocalDate.of(1970, 1, 1);
    /** A request spanning more is refused: the answer would be megabytes. */
    static final long MAX_YEARS = 100;

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final MarketCalendar calendar;

    SimulatedCalendar(MarketCalendar calendar) {
        this.calendar = calendar;
    }

    List<Map<String, String>> between(Map<String, String> params) {
        LocalDate start = date(params, "start", FIRST);
        LocalDate end = date(params, "end", LocalDate.of(LocalDate.now(MarketCalendar.NEW_YORK).getYear() + 3, 12, 31));
        String dateType = params.getOrDefault("date_type", "TRADING").trim().toUpperCase(Locale.ROOT);
        if (!dateType.equals("TRADING") && !dateType.equals("SETTLEMENT")) {
            throw invalid("date_type must be TRADING or SETTLEMENT, got '" + params.get("date_type") + "'");
        }
        if (ChronoUnit.YEARS.between(start, end) >= MAX_YEARS) {
            throw invalid("start and end may span at most " + MAX_YEARS + " years");
        }
        boolean bySettlement = dateType.equals("SETTLEMENT");
        List<Map<String, String>> days = new ArrayList<>();
        // a settlement date falls at most a week after its trading day (T+1 over a long holiday weekend)
        for (LocalDate day = bySettlement ? start.minusDays(7) : start; !day.isAfter(end); day = day.plusDays(1)) {
            MarketSession session = calendar.session(AssetClass.US_EQUITY, day);
            if (!session.open()) {
                continue;
            }
            LocalDate settlement = nextTradingDay(day);
            LocalDate bounded = bySettlement ? settlement : day;
            if (!bounded.isBefore(start) && !bounded.isAfter(end)) {
                days.add(entry(session, settlement));
            }
        }
        return days;
    }

    private static Map<String, String> entry(MarketSession session, LocalDate settlement) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("date", session.date().toString());
        json.put("open", session.openTime().format(HOURS));
        json.put("close", session.closeTime().format(HOURS));
        json.put("session_open", "0400");
        json.put("session_close", session.closeTime().getHour() < 16 ? "1700" : "2000");
        json.put("settlement_date", settlement.toString());
        return json;
    }

    private LocalDate nextTradingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!calendar.session(AssetClass.US_EQUITY, next).open()) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** A date (2026-12-01), or an RFC 3339 timestamp meaning its New York date. */
    private static LocalDate date(Map<String, String> params, String name, LocalDate fallback) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(value.trim().replace(" ", "+")).atZoneSameInstant(MarketCalendar.NEW_YORK).toLocalDate();
            } catch (DateTimeParseException notATimestamp) {
                throw invalid(name + " must be a date such as 2026-12-01, got '" + value + "'");
            }
        }
    }

    private static OrderRefused invalid(String message) {
        return new OrderRefused(422, 40010000, message);
    }
}
