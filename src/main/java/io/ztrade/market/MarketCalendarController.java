package io.ztrade.market;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/market/calendar?market=NYSE|CRYPTO&from=YYYY-MM-DD&to=YYYY-MM-DD}: the sessions the agents trade
 * by, one entry per day, times in America/New_York. {@code from} defaults to today, {@code to} to 30 days later; at
 * most {@value #MAX_DAYS} days per request.
 */
@RestController
@RequestMapping("/api/market/calendar")
class MarketCalendarController {

    static final int MAX_DAYS = 366;

    private final MarketCalendar calendar;

    MarketCalendarController(MarketCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * @param openTime  first minute of the session (New York), null when closed; crypto 00:00
     * @param closeTime end of the session (New York, exclusive), null when closed; crypto 24:00
     * @param note      the holiday's name or the early close's reason, else null
     */
    record Day(LocalDate date, boolean open, String openTime, String closeTime, String note) {
    }

    @GetMapping
    List<Day> calendar(@RequestParam(defaultValue = "NYSE") String market, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to) {
        AssetClass assetClass = switch (market.trim().toUpperCase(Locale.ROOT)) {
            case "NYSE" -> AssetClass.US_EQUITY;
            case "CRYPTO" -> AssetClass.CRYPTO;
            default -> throw new IllegalArgumentException("market '" + market + "' is not known; use NYSE or CRYPTO");
        };
        LocalDate start = from == null ? LocalDate.now(MarketCalendar.NEW_YORK) : date("from", from);
        LocalDate end = to == null ? start.plusDays(30) : date("to", to);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("'to' (" + end + ") is before 'from' (" + start + ")");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > MAX_DAYS) {
            throw new IllegalArgumentException("from " + start + " to " + end + " is " + days + " days; ask for at most "
                    + MAX_DAYS + " days per request");
        }
        List<Day> out = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            out.add(dayOf(assetClass, calendar.session(assetClass, day)));
        }
        return out;
    }

    private static Day dayOf(AssetClass assetClass, MarketSession session) {
        if (!session.open()) {
            return new Day(session.date(), false, null, null, session.note());
        }
        if (assetClass == AssetClass.CRYPTO) {
            return new Day(session.date(), true, "00:00", "24:00", session.note());
        }
        return new Day(session.date(), true, hhmm(session.openTime()), hhmm(session.closeTime()), session.note());
    }

    private static String hhmm(LocalTime time) {
        return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' = '" + value + "' is not a date; write it as YYYY-MM-DD");
        }
    }
}
