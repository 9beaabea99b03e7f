package io.ztrade.management.security;

import java.util.Set;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.SpringSecurityLdapTemplate;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;

/**
 * LDAP login from {@link LdapProperties}: the password checked by binding as the user (never read or compared
 * here), the user's groups looked up and mapped to one role by {@link GroupRoles}. A user in no mapped group is
 * refused like a wrong password (and counted by the login back-off), never logged in without a role.
 */
final class LdapLogin {

    private LdapLogin() {
    }

    static LdapAuthenticationProvider provider(LdapProperties ldap) {
        DefaultSpringSecurityContextSource directory = new DefaultSpringSecurityContextSource(ldap.url());
        if (ldap.managerDn() != null && !ldap.managerDn().isBlank()) {
            directory.setUserDn(ldap.managerDn());
            directory.setPassword(ldap.managerPassword() == null ? "" : ldap.managerPassword());
        }
        directory.afterPropertiesSet();
        BindAuthenticator bind = new BindAuthenticator(directory);
        if (ldap.userDnPattern() != null && !ldap.userDnPattern().isBlank()) {
            bind.setUserDnPatterns(new String[] {ldap.userDnPattern()});
        } else {
            bind.setUserSearch(new FilterBasedLdapUserSearch(ldap.userSearchBase(), ldap.userSearchFilter(), directory));
        }
        SpringSecurityLdapTemplate groups = new SpringSecurityLdapTemplate(directory);
        return new LdapAuthenticationProvider(bind, (DirContextOperations user, String username) -> {
            Set<String> names = groups.searchForSingleAttributeValues(ldap.groupSearchBase(), ldap.groupSearchFilter(),
                    new String[] {user.getNameInNamespace(), username}, ldap.groupNameAttribute());
            Role role = ldap.roleOf(names).orElseThrow(() -> new DisabledException(
                    "LDAP user is in no group mapped to a Ztrade role (ztrade.security.ldap.*-groups)"));
            return GroupRoles.authorities(role);
        });
    }
}
