package io.ztrade.market;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.Year;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The NYSE regular session (09:30-16:00 New York, weekdays) with its full holidays from jollyday's NYSE
 * calendar (observed-day rules and one-off closures included) and the 13:00 early closes, which jollyday
 * does not know; crypto is open every minute of every day.
 */
@Component
public class NyseCalendar implements MarketCalendar {

    static final LocalTime OPEN = LocalTime.of(9, 30);
    static final LocalTime CLOSE = LocalTime.of(16, 0);
    static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);

    private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NYSE));
    private final Map<Integer, Map<LocalDate, String>> holidaysByYear = new ConcurrentHashMap<>();

    @Override
    public MarketSession session(AssetClass assetClass, LocalDate date) {
        if (assetClass == AssetClass.CRYPTO) {
            return new MarketSession(date, true, LocalTime.MIN, LocalTime.MAX, null);
        }
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return MarketSession.closed(date, "weekend");
        }
        String holiday = holidayOn(date);
        if (holiday != null) {
            return MarketSession.closed(date, holiday);
        }
        String earlyClose = earlyCloseReason(date);
        return earlyClose == null
                ? new MarketSession(date, true, OPEN, CLOSE, null)
                : new MarketSession(date, true, OPEN, EARLY_CLOSE, earlyClose);
    }

    private String holidayOn(LocalDate date) {
        return holidaysByYear.computeIfAbsent(date.getYear(), year -> holidays.getHolidays(Year.of(year)).stream()
                        .collect(Collectors.toMap(NyseCalendar::observedDate, NyseCalendar::nameOf, (a, b) -> a)))
                .get(date);
    }

    /** The holiday's US name, marked when the exchange closes on another day than the holiday itself. */
    private static String nameOf(Holiday holiday) {
        String name = holiday.getDescription(Locale.US).replace("Labour", "Labor");
        return observedDate(holiday).equals(holiday.getDate()) ? name : name + " (observed)";
    }

    private static LocalDate observedDate(Holiday holiday) {
        return holiday.getObservedDate().orElse(holiday.getDate());
    }

    /** Early closes: July 3, the day after Thanksgiving, and Christmas Eve, when each is an open weekday. */
    private String earlyCloseReason(LocalDate date) {
        if (date.getMonth() == Month.JULY && date.getDayOfMonth() == 3) {
            return "early close before Independence Day";
        }
        if (date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 24) {
            return "early close on Christmas Eve";
        }
        LocalDate thanksgiving = date.withMonth(11).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
        if (date.equals(thanksgiving.plusDays(1))) {
            return "early close after Thanksgiving";
        }
        return null;
    }
}
