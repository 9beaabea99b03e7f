package io.ztrade.management;

/** The whole desk in JMX ({@code io.ztrade:context=<name>,type=desk}). Flipping the kill switch is for admins. */
public interface DeskMXBean {

    boolean isKillSwitchEngaged();

    /** {@code on}: no agent places an order; {@code off}: orders allowed again. */
    void killSwitch(String onOrOff);
}
