package io.ztrade.plugin.api;

import java.util.Map;

/**
 * What a step is given besides the run's values: its own {@link Parameter parameters}, already checked and with the
 * defaults filled in, and the agent's template parameters (e.g. {@code orderNotional}, {@code rsiPeriod}) as text.
 */
public final class Settings {

    private final String agentId;
    private final Map<String, Object> own;
    private final Map<String, String> agent;

    /**
     * @param agentId the agent the run belongs to
     * @param own     the step's parameters by their {@link Parameter#name() name}, parsed
     * @param agent   the agent's template parameters, as text
     */
    public Settings(String agentId, Map<String, Object> own, Map<String, String> agent) {
        this.agentId = agentId;
        this.own = Map.copyOf(own);
        this.agent = Map.copyOf(agent);
    }

    public String agentId() {
        return agentId;
    }

    /** One of the step's own INTEGER parameters, or an agent parameter read as a whole number. */
    public int integer(String name) {
        Object value = value(name);
        return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
    }

    /** One of the step's own DECIMAL (or INTEGER) parameters, or an agent parameter read as a number. */
    public double decimal(String name) {
        Object value = value(name);
        return value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
    }

    public boolean bool(String name) {
        Object value = value(name);
        return value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString().trim());
    }

    public String text(String name) {
        return value(name).toString();
    }

    /** The step's own parameters, parsed. */
    public Map<String, Object> own() {
        return own;
    }

    private Object value(String name) {
        Object value = own.containsKey(name) ? own.get(name) : agent.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter '" + name + "': the step declares " + own.keySet()
                    + " and the agent has " + agent.keySet());
        }
        return value;
    }

    @Override
    public String toString() {
        return agentId + " " + own;
    }
}
