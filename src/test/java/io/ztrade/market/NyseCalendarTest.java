package io.ztrade.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NYSE calendar against the exchange's published holiday and early-close schedule, written out by hand
 * (nyse.com "Holidays and Trading Hours"), and every other weekday of those years as an ordinary full session.
 */
class NyseCalendarTest {

    private static final NyseCalendar CALENDAR = new NyseCalendar();

    /** Full closures. */
    static final Map<LocalDate, String> HOLIDAYS = new HashMap<>();
    /** 13:00 closes. */
    static final Set<LocalDate> EARLY_CLOSES = Set.of(
            LocalDate.of(2025, 7, 3), LocalDate.of(2025, 11, 28), LocalDate.of(2025, 12, 24),
            LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 24),
            LocalDate.of(2027, 11, 26));

    static {
        // 2025
        HOLIDAYS.put(LocalDate.of(2025, 1, 1), "New Year");
        HOLIDAYS.put(LocalDate.of(2025, 1, 9), "Carter");            // national day of mourning, President Carter
        HOLIDAYS.put(LocalDate.of(2025, 1, 20), "Luther");
        HOLIDAYS.put(LocalDate.of(2025, 2, 17), "Washington");
        HOLIDAYS.put(LocalDate.of(2025, 4, 18), "Good Friday");
        HOLIDAYS.put(LocalDate.of(2025, 5, 26), "Memorial");
        HOLIDAYS.put(LocalDate.of(2025, 6, 19), "Juneteenth");
        HOLIDAYS.put(LocalDate.of(2025, 7, 4), "Independence");
        HOLIDAYS.put(LocalDate.of(2025, 9, 1), "Labor");
        HOLIDAYS.put(LocalDate.of(2025, 11, 27), "Thanksgiving");
        HOLIDAYS.put(LocalDate.of(2025, 12, 25), "Christmas");
        // 2026
        HOLIDAYS.put(LocalDate.of(2026, 1, 1), "New Year");
        HOLIDAYS.put(LocalDate.of(2026, 1, 19), "Luther");
        HOLIDAYS.put(LocalDate.of(2026, 2, 16), "Washington");
        HOLIDAYS.put(LocalDate.of(2026, 4, 3), "Good Friday");
        HOLIDAYS.put(LocalDate.of(2026, 5, 25), "Memorial");
        HOLIDAYS.put(LocalDate.of(2026, 6, 19), "Juneteenth");
        HOLIDAYS.put(LocalDate.of(2026, 7, 3), "Independence");     // July 4 is a Saturday
        HOLIDAYS.put(LocalDate.of(2026, 9, 7), "Labor");
        HOLIDAYS.put(LocalDate.of(2026, 11, 26), "Thanksgiving");
        HOLIDAYS.put(LocalDate.of(2026, 12, 25), "Christmas");
        // 2027
        HOLIDAYS.put(LocalDate.of(2027, 1, 1), "New Year");
        HOLIDAYS.put(LocalDate.of(2027, 1, 18), "Luther");
        HOLIDAYS.put(LocalDate.of(2027, 2, 15), "Washington");
        HOLIDAYS.put(LocalDate.of(2027, 3, 26), "Good Friday");
        HOLIDAYS.put(LocalDate.of(2027, 5, 31), "Memorial");
        HOLIDAYS.put(LocalDate.of(2027, 6, 18), "Juneteenth");      // June 19 is a Saturday
        HOLIDAYS.put(LocalDate.of(2027, 7, 5), "Independence");     // July 4 is a Sunday
        HOLIDAYS.put(LocalDate.of(2027, 9, 6), "Labor");
        HOLIDAYS.put(LocalDate.of(2027, 11, 25), "Thanksgiving");
        HOLIDAYS.put(LocalDate.of(2027, 12, 24), "Christmas");      // December 25 is a Saturday
    }

    static Stream<Arguments> everyWeekdayOf2025To2027() {
        return Stream.iterate(LocalDate.of(2025, 1, 1), d -> d.isBefore(LocalDate.of(2028, 1, 1)), d -> d.plusDays(1))
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("everyWeekdayOf2025To2027")
    void matchesThePublishedScheduleOnEveryWeekday(LocalDate day) {
        MarketSession session = CALENDAR.session(AssetClass.US_EQUITY, day);
        if (HOLIDAYS.containsKey(day)) {
            assertThat(session.open()).as("%s is a holiday", day).isFalse();
            assertThat(session.note()).as("holiday name on %s", day).containsIgnoringCase(HOLIDAYS.get(day));
        } else if (EARLY_CLOSES.contains(day)) {
            assertThat(session.open()).as("%s trades", day).isTrue();
            assertThat(session.openTime()).isEqualTo(LocalTime.of(9, 30));
            assertThat(session.closeTime()).as("%s closes early", day).isEqualTo(LocalTime.of(13, 0));
            assertThat(session.note()).contains("early close");
        } else {
            assertThat(session.open()).as("%s is an ordinary trading day", day).isTrue();
            assertThat(session.openTime()).isEqualTo(LocalTime.of(9, 30));
            assertThat(session.closeTime()).as("%s closes at 16:00", day).isEqualTo(LocalTime.of(16, 0));
            assertThat(session.note()).isNull();
        }
    }

    @Test
    void theTableHasEveryPublishedDay() {
        assertThat(HOLIDAYS).hasSize(31);
        assertThat(EARLY_CLOSES).hasSize(6);
    }

    @Test
    void newYearOnASaturdayIsNotObservedOnTheFridayBefore() {
        // 2028-01-01 is a Saturday: 2027-12-31 trades a full day, and so does 2022-12-30 (2022: NYE Saturday 2022-01-01)
        assertThat(CALENDAR.session(AssetClass.US_EQUITY, LocalDate.of(2027, 12, 31)))
                .satisfies(s -> assertThat(s.open()).isTrue()).satisfies(s -> assertThat(s.closeTime()).isEqualTo(LocalTime.of(16, 0)));
        assertThat(CALENDAR.session(AssetClass.US_EQUITY, LocalDate.of(2021, 12, 31)).open()).isTrue();
    }

    @Test
    void earlyCloseRulesHoldOutTo2030() {
        // 2024: July 3 Wed, Nov 29, Dec 24 Tue; 2028: July 3 Mon, Nov 24 (Dec 24 is a Sunday); 2030: July 3 Wed, Nov 29, Dec 24 Tue
        for (LocalDate early : new LocalDate[] {LocalDate.of(2024, 7, 3), LocalDate.of(2024, 11, 29), LocalDate.of(2024, 12, 24),
                LocalDate.of(2028, 7, 3), LocalDate.of(2028, 11, 24), LocalDate.of(2029, 7, 3), LocalDate.of(2029, 11, 23),
                LocalDate.of(2029, 12, 24), LocalDate.of(2030, 7, 3), LocalDate.of(2030, 11, 29), LocalDate.of(2030, 12, 24)}) {
            assertThat(CALENDAR.session(AssetClass.US_EQUITY, early).closeTime()).as("%s", early).isEqualTo(LocalTime.of(13, 0));
        }
        // 2026-07-02 (before the observed Friday holiday) and 2027-07-02 are full days
        assertThat(CALENDAR.session(AssetClass.US_EQUITY, LocalDate.of(2026, 7, 2)).closeTime()).isEqualTo(LocalTime.of(16, 0));
        assertThat(CALENDAR.session(AssetClass.US_EQUITY, LocalDate.of(2027, 7, 2)).closeTime()).isEqualTo(LocalTime.of(16, 0));
        // holidays of the later years: Good Friday 2028-04-14, 2029-03-30, 2030-04-19; Juneteenth 2032 is not in range
        for (LocalDate closed : new LocalDate[] {LocalDate.of(2024, 3, 29), LocalDate.of(2028, 4, 14), LocalDate.of(2029, 3, 30),
                LocalDate.of(2030, 4, 19), LocalDate.of(2028, 6, 19), LocalDate.of(2029, 7, 4), LocalDate.of(2030, 1, 21)}) {
            assertThat(CALENDAR.session(AssetClass.US_EQUITY, closed).open()).as("%s", closed).isFalse();
        }
    }

    @Test
    void statusNamesWhyTheMarketIsClosed() {
        assertThat(CALENDAR.statusAt(AssetClass.US_EQUITY, Instant.parse("2025-07-03T17:30:00Z")).open()).isFalse(); // 13:30 ET
        assertThat(CALENDAR.statusAt(AssetClass.US_EQUITY, Instant.parse("2025-07-03T16:59:00Z")).open()).isTrue();  // 12:59 ET
        assertThat(CALENDAR.statusAt(AssetClass.US_EQUITY, Instant.parse("2025-01-09T15:00:00Z")).reason()).contains("Carter");
        assertThat(CALENDAR.statusAt(AssetClass.US_EQUITY, Instant.parse("2025-11-25T14:29:00Z")).open()).isFalse(); // 09:29 ET
        assertThat(CALENDAR.statusAt(AssetClass.US_EQUITY, Instant.parse("2025-11-25T14:30:00Z")).open()).isTrue();  // 09:30 ET
        assertThat(CALENDAR.statusAt(AssetClass.CRYPTO, Instant.parse("2025-12-25T03:00:00Z")).open()).isTrue();
    }
}
