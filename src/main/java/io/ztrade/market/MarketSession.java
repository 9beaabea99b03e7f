package io.ztrade.market;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One day of a market in America/New_York.
 *
 * @param open      whether the market trades at all that day
 * @param openTime  first minute of the session, null when closed
 * @param closeTime end of the session (exclusive), null when closed
 * @param note      the holiday name or early-close reason, null on an ordinary day
 */
public record MarketSession(LocalDate date, boolean open, LocalTime openTime, LocalTime closeTime, String note) {

    public static MarketSession closed(LocalDate date, String why) {
        return new MarketSession(date, false, null, null, why);
    }
}
