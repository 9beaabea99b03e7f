package io.ztrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartz.CronExpression;

/** {@link CronFireTimes} gives exactly Quartz's own fire times, one look-up at a time, daylight-saving days included. */
class CronFireTimesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // agent_tsla's: every 5 minutes of the session hours, weekdays
            "0 */5 9-15 ? * MON-FRI | 2024-12-30T05:00:00Z | 2026-01-02T05:00:00Z",
            // a range that starts and ends in the middle of a session
            "0 */5 9-15 ? * MON-FRI | 2025-03-05T16:32:00Z | 2025-03-20T15:02:30Z",
            // around the clock: the spring gap (2:00-3:00 does not exist) and the autumn hour that happens twice
            "0 */15 * * * ?         | 2025-03-01T00:00:00Z | 2025-11-15T00:00:00Z",
            "0 30 1-3 * * ?         | 2025-03-01T00:00:00Z | 2025-11-15T00:00:00Z",
            "0 0 2 * * ?            | 2025-03-01T00:00:00Z | 2025-11-15T00:00:00Z",
            // seconds, the last day of the month, the third Friday, a year field
            "15,45 * 10 * * ?       | 2025-01-01T00:00:00Z | 2025-02-15T00:00:00Z",
            "0 15 10 L * ?          | 2025-01-01T00:00:00Z | 2026-01-01T00:00:00Z",
            "0 0/30 9-16 ? * 6#3    | 2025-01-01T00:00:00Z | 2026-01-01T00:00:00Z",
            "0 0 12 * * ? 2025      | 2024-06-01T00:00:00Z | 2026-06-01T00:00:00Z",
            // nothing in the range
            "0 0 12 * * ? 2030      | 2025-01-01T00:00:00Z | 2025-02-01T00:00:00Z",
    })
    void givesQuartzsOwnFireTimes(String expression, String from, String to) throws Exception {
        List<Instant> quartz = quartzWalk(expression.trim(), Instant.parse(from.trim()), Instant.parse(to.trim()));

        List<Instant> times = new CronFireTimes(expression.trim(), NEW_YORK).between(Instant.parse(from.trim()),
                Instant.parse(to.trim()));

        assertThat(times).isEqualTo(quartz);
    }

    /** Quartz one fire time at a time, as the replay did before. */
    private static List<Instant> quartzWalk(String expression, Instant from, Instant to) throws Exception {
        CronExpression cron = new CronExpression(expression);
        cron.setTimeZone(TimeZone.getTimeZone(NEW_YORK));
        List<Instant> times = new ArrayList<>();
        Date next = cron.getNextValidTimeAfter(Date.from(from.minusMillis(1)));
        while (next != null && next.toInstant().isBefore(to)) {
            times.add(next.toInstant());
            next = cron.getNextValidTimeAfter(next);
        }
        return times;
    }
}
