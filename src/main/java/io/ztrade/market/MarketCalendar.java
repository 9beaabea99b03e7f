package io.ztrade.market;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When a market trades. Stocks follow the NYSE session and holidays; crypto trades around the clock. */
public interface MarketCalendar {

    ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** The session of that New York calendar day. */
    MarketSession session(AssetClass assetClass, LocalDate date);

    /** Whether the market is open at that instant, and if not, why. */
    default MarketStatus statusAt(AssetClass assetClass, Instant at) {
        ZonedDateTime ny = at.atZone(NEW_YORK);
        MarketSession session = session(assetClass, ny.toLocalDate());
        if (!session.open()) {
            return new MarketStatus(false, "market closed on " + session.date() + ": " + session.note());
        }
        boolean inSession = !ny.toLocalTime().isBefore(session.openTime()) && ny.toLocalTime().isBefore(session.closeTime());
        if (inSession) {
            return new MarketStatus(true, session.note());
        }
        return new MarketStatus(false, "outside the " + session.openTime() + "-" + session.closeTime()
                + " New York session" + (session.note() == null ? "" : " (" + session.note() + ")") + " at " + ny.toLocalTime());
    }

    /** @param reason why closed, or the early-close note when open; null on an ordinary open day */
    record MarketStatus(boolean open, String reason) {
    }
}
