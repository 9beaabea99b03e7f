package io.ztrade.management.security;

/**
 * What a user may do; each role includes the ones below it.
 * <ul>
 *   <li>{@code VIEWER}: read the agents, runs, console, metrics, Hawtio and Jolokia reads</li>
 *   <li>{@code OPERATOR}: also run now, test, pause and resume agents, tighten the desk's or an agent's mode</li>
 *   <li>{@code ADMIN}: also the kill switch, loosening a mode, Hawtio operations and Jolokia writes</li>
 * </ul>
 */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    /** The role hierarchy Spring Security applies: an admin is also an operator and a viewer. */
    static String hierarchy() {
        return "ROLE_ADMIN > ROLE_OPERATOR\nROLE_OPERATOR > ROLE_VIEWER";
    }
}
