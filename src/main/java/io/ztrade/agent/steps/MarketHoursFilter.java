package io.ztrade.agent.steps;

import io.ztrade.agent.AgentRun;
import io.ztrade.agent.RunStep;
import io.ztrade.agent.RunStatus;
import io.ztrade.market.MarketCalendar;
import org.springframework.stereotype.Component;

/**
 * The market-hours gate: a stock agent trades only in the NYSE session at its fire time, a crypto agent
 * always. A closed market ends the run as {@link RunStatus#SKIPPED_MARKET_CLOSED}; a forced manual run
 * passes whatever the hour.
 */
@Component
public class MarketHoursFilter implements RunStep {

    private final MarketCalendar calendar;

    public MarketHoursFilter(MarketCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public AgentRun apply(AgentRun run) {
        if (run.forced()) {
            return run;
        }
        MarketCalendar.MarketStatus status = calendar.statusAt(run.agent().assetClass(), run.scheduledAt());
        return status.open() ? run : run.finish(RunStatus.SKIPPED_MARKET_CLOSED, status.reason());
    }
}
