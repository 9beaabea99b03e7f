package io.ztrade.management;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentScheduler;
import io.ztrade.agent.AgentSettings;
import io.ztrade.market.AssetClass;
import io.ztrade.market.MarketCalendar;
import io.ztrade.market.MarketSession;
import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/schedule}: what runs next, at a glance. Each agent's parameters and its next fire times (Quartz's
 * trigger for the first, its cron in America/New_York for the ones after), each marked with whether the market is
 * open then (a stock agent's fire outside the NYSE session is recorded SKIPPED_MARKET_CLOSED), and the next one that
 * can trade; the NYSE sessions of the next two weeks, with holidays and early closes named. Times are instants (UTC);
 * the console shows them in New York time and the viewer's own.
 */
@RestController
class ScheduleController {

    /** Fire times listed per agent. */
    static final int FIRES = 5;
    /** Days of NYSE sessions listed. */
    static final int DAYS = 14;
    /** How far ahead the next fire in an open market is looked for (a 5-minute cron over a long weekend is ~1,200 fires). */
    static final int SEARCH = 20_000;
    static final LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);

    private final AgentCatalog catalog;
    private final AgentScheduler scheduler;
    private final MarketCalendar calendar;

    ScheduleController(AgentCatalog catalog, AgentScheduler scheduler, MarketCalendar calendar) {
        this.catalog = catalog;
        this.scheduler = scheduler;
        this.calendar = calendar;
    }

    /** @param marketOpen whether the agent's market is open at that fire time (else the run is skipped) */
    record Fire(Instant at, boolean marketOpen) {
    }

    /**
     * @param nextFires       the next fire times, none while paused
     * @param nextTradingFire the first fire at which the market is open (null while paused or when none is near)
     */
    record AgentSchedule(String id, String symbol, String assetClass, String cron, String timeZone, boolean paused,
                         List<Fire> nextFires, Instant nextTradingFire, Map<String, Object> parameters) {
    }

    /** @param earlyClose a session that ends before 16:00 New York */
    record Session(LocalDate date, boolean open, String openTime, String closeTime, boolean earlyClose, String note) {
    }

    record Schedule(Instant now, String timeZone, List<AgentSchedule> agents, List<Session> sessions) {
    }

    @GetMapping("/api/schedule")
    Schedule schedule() {
        Instant now = Instant.now();
        List<AgentSchedule> agents = catalog.all().stream().sorted(Comparator.comparing(AgentSettings::agentId))
                .map(agent -> of(agent, now)).toList();
        return new Schedule(now, MarketCalendar.NEW_YORK.getId(), agents, sessions(LocalDate.now(MarketCalendar.NEW_YORK)));
    }

    private AgentSchedule of(AgentSettings agent, Instant now) {
        AgentScheduler.Schedule schedule = scheduler.schedule(agent);
        List<Fire> fires = new ArrayList<>();
        Instant nextTrading = null;
        if (!schedule.paused()) {
            CronExpression cron = cron(agent.cron());
            Instant at = schedule.nextFireTime() != null ? schedule.nextFireTime() : next(cron, now);
            for (int i = 0; at != null && i < SEARCH && (fires.size() < FIRES || nextTrading == null); i++) {
                boolean open = calendar.statusAt(agent.assetClass(), at).open();
                if (fires.size() < FIRES) {
                    fires.add(new Fire(at, open));
                }
                if (open && nextTrading == null) {
                    nextTrading = at;
                }
                at = next(cron, at);
            }
        }
        return new AgentSchedule(agent.agentId(), agent.symbol(), agent.assetClass().alpacaName(), agent.cron(),
                MarketCalendar.NEW_YORK.getId(), schedule.paused(), fires, nextTrading, agent.toParameters());
    }

    private static CronExpression cron(String expression) {
        try {
            CronExpression cron = new CronExpression(expression);
            cron.setTimeZone(TimeZone.getTimeZone(MarketCalendar.NEW_YORK));
            return cron;
        } catch (ParseException e) {
            throw new IllegalStateException("cron '" + expression + "' does not parse: " + e.getMessage(), e);
        }
    }

    private static Instant next(CronExpression cron, Instant after) {
        Date next = cron.getNextValidTimeAfter(Date.from(after));
        return next == null ? null : next.toInstant();
    }

    /** The next {@value #DAYS} days from today, weekends left out unless a session falls on one. */
    private List<Session> sessions(LocalDate today) {
        List<Session> sessions = new ArrayList<>();
        for (LocalDate day = today; day.isBefore(today.plusDays(DAYS)); day = day.plusDays(1)) {
            MarketSession s = calendar.session(AssetClass.US_EQUITY, day);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!s.open() && weekend) {
                continue;
            }
            sessions.add(s.open()
                    ? new Session(day, true, s.openTime().toString(), s.closeTime().toString(),
                            s.closeTime().isBefore(REGULAR_CLOSE), s.note())
                    : new Session(day, false, null, null, false, s.note()));
        }
        return sessions;
    }
}
