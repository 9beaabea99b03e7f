package io.ztrade.desk;

/**
 * The whole desk in JMX ({@code io.ztrade:context=<name>,type=desk}). The kill switch is for admins; a mode may be
 * tightened by an operator and loosened only by an admin.
 */
public interface DeskMXBean {

    boolean isKillSwitchEngaged();

    /** {@code on}: no agent places an order (the desk HALTED); {@code off}: the desk ACTIVE again. */
    void killSwitch(String onOrOff);

    /** ACTIVE, REDUCE_ONLY or HALTED. */
    String getMode();

    /** The desk's mode as one line: who set it, when and why. */
    String getModeReason();

    /** Sets the desk's mode; a reason is required for REDUCE_ONLY and HALTED. */
    void setMode(String mode, String reason);
}
