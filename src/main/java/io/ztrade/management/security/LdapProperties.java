package io.ztrade.management.security;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * LDAP login ({@code ztrade.security.ldap.*}), off while {@code url} is blank. A user logs in with the login form or
 * HTTP Basic; the password is checked by binding as the user; the user's groups give one role, the highest one
 * mapped; a user in no mapped group may not log in. Local users ({@link SecurityProperties}) keep working beside it.
 *
 * @param url               the directory with its base, e.g. {@code ldap://ldap.example.com:389/dc=example,dc=com}
 *                          ({@code ZTRADE_SECURITY_LDAP_URL}); blank: no LDAP login
 * @param userDnPattern     where a user's entry is, relative to the base, {@code {0}} the login name (defaults to
 *                          {@code uid={0},ou=people}); blank: searched with {@code userSearchFilter} instead
 * @param userSearchBase    where to search for users when there is no pattern (defaults to the base itself)
 * @param userSearchFilter  the search for a user, {@code {0}} the login name (defaults to {@code (uid={0})})
 * @param managerDn         who searches (blank: anonymous); its password comes from the environment only
 * @param managerPassword   the manager's password ({@code ZTRADE_SECURITY_LDAP_MANAGER_PASSWORD}; never logged)
 * @param groupSearchBase   where the groups are, relative to the base (defaults to {@code ou=groups})
 * @param groupSearchFilter a user's groups, {@code {0}} the user's full DN, {@code {1}} the login name (defaults to
 *                          {@code (member={0})}, as groupOfNames and AD groups hold members)
 * @param groupNameAttribute the attribute that names a group (defaults to {@code cn})
 * @param viewerGroups      groups whose members are viewers (names compared ignoring case)
 * @param operatorGroups    groups whose members are operators
 * @param adminGroups       groups whose members are admins
 */
@ConfigurationProperties("ztrade.security.ldap")
public record LdapProperties(String url,
                             @DefaultValue("uid={0},ou=people") String userDnPattern,
                             @DefaultValue("") String userSearchBase,
                             @DefaultValue("(uid={0})") String userSearchFilter,
                             String managerDn,
                             String managerPassword,
                             @DefaultValue("ou=groups") String groupSearchBase,
                             @DefaultValue("(member={0})") String groupSearchFilter,
                             @DefaultValue("cn") String groupNameAttribute,
                             @DefaultValue List<String> viewerGroups,
                             @DefaultValue List<String> operatorGroups,
                             @DefaultValue List<String> adminGroups) {

    public LdapProperties {
        if (url != null && !url.isBlank() && !url.startsWith("ldap://") && !url.startsWith("ldaps://")) {
            throw new IllegalArgumentException("ztrade.security.ldap.url must start with ldap:// or ldaps://, got '" + url + "'");
        }
        if (enabled(url) && viewerGroups.isEmpty() && operatorGroups.isEmpty() && adminGroups.isEmpty()) {
            throw new IllegalArgumentException("ztrade.security.ldap: no group is mapped to a role, so no LDAP user could"
                    + " log in; set viewer-groups, operator-groups and/or admin-groups");
        }
    }

    public boolean enabled() {
        return enabled(url);
    }

    private static boolean enabled(String url) {
        return url != null && !url.isBlank();
    }

    /** The highest role the groups are mapped to; empty when none of them is. */
    Optional<Role> roleOf(Iterable<String> groups) {
        return GroupRoles.highest(groups, viewerGroups, operatorGroups, adminGroups);
    }

    @Override
    public String toString() {
        return "LdapProperties[url=" + url + ", userDnPattern=" + userDnPattern + ", managerDn=" + managerDn
                + ", managerPassword=***, groupSearchBase=" + groupSearchBase + ", viewerGroups=" + viewerGroups
                + ", operatorGroups=" + operatorGroups + ", adminGroups=" + adminGroups + "]";
    }
}
