package io.ztrade.risk;

/**
 * The mode an agent trades under right now: the stricter of the desk's and its own, with the setting that decided
 * (its reason goes into the run's record).
 *
 * @param decidedBy the stricter setting; for an unreadable store a HALTED setting of scope {@code desk-state}
 */
public record EffectiveMode(TradingMode mode, ModeSetting decidedBy) {

    public static final EffectiveMode ACTIVE = new EffectiveMode(TradingMode.ACTIVE, ModeSetting.active(TradingHolds.DESK));

    /** The stricter of the two. */
    public static EffectiveMode of(ModeSetting desk, ModeSetting agent) {
        ModeSetting stricter = agent.mode().compareTo(desk.mode()) > 0 ? agent : desk;
        return new EffectiveMode(stricter.mode(), stricter);
    }

    public String describe() {
        return decidedBy.describe();
    }
}
