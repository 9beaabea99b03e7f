package io.ztrade.plugin.api;

/** The types a step's {@link Parameter} may have. */
public enum ParameterType {
    /** a whole number, e.g. 20 */
    INTEGER,
    /** a number, e.g. 1.5 */
    DECIMAL,
    /** true or false */
    BOOLEAN,
    /** any text */
    TEXT
}
