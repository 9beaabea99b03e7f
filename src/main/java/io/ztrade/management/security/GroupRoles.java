package io.ztrade.management.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A single sign-on user's groups (LDAP groups, an OpenID Connect claim) to one Ztrade role: the highest one mapped,
 * given as the one authority a local user of that role has ({@code ROLE_VIEWER}, ...), so every rule (the filter
 * chain, the role hierarchy, Jolokia's policy, the desk's admin checks) treats both alike.
 */
final class GroupRoles {

    private GroupRoles() {
    }

    static Optional<Role> highest(Iterable<String> groups, List<String> viewer, List<String> operator, List<String> admin) {
        Set<String> names = StreamSupport.stream(groups.spliterator(), false)
                .map(GroupRoles::key).collect(Collectors.toSet());
        if (mapped(names, admin)) {
            return Optional.of(Role.ADMIN);
        }
        if (mapped(names, operator)) {
            return Optional.of(Role.OPERATOR);
        }
        return mapped(names, viewer) ? Optional.of(Role.VIEWER) : Optional.empty();
    }

    static List<GrantedAuthority> authorities(Role role) {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    private static boolean mapped(Set<String> names, List<String> groups) {
        return groups.stream().map(GroupRoles::key).anyMatch(names::contains);
    }

    private static String key(String group) {
        return group == null ? "" : group.trim().toLowerCase(Locale.ROOT);
    }
}
