package io.ztrade.management.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Builds the users from {@link SecurityProperties}. There is no built-in password: without
 * {@code ZTRADE_ADMIN_PASSWORD} the embedded default gets a random one, told once to {@code announce}; the
 * {@code production} profile refuses to start instead.
 */
final class ZtradeUsers {

    private ZtradeUsers() {
    }

    static InMemoryUserDetailsManager from(SecurityProperties properties, boolean production, PasswordEncoder encoder,
                                           Consumer<String> announce) {
        List<UserDetails> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String adminPassword = properties.adminPassword();
        if (adminPassword == null || adminPassword.isBlank()) {
            if (production) {
                throw new IllegalStateException("the production profile needs an admin password: set ZTRADE_ADMIN_PASSWORD"
                        + " (plain, or a hash such as {bcrypt}$2a$10$...) for user '" + properties.adminUser()
                        + "'; Ztrade has no built-in password");
            }
            adminPassword = generatedPassword();
            announce.accept("Generated password for Ztrade admin user '" + properties.adminUser() + "': " + adminPassword
                    + "  (shown once; set ZTRADE_ADMIN_PASSWORD to choose one)");
        }
        users.add(user(properties.adminUser(), adminPassword, Role.ADMIN, encoder));
        names.add(properties.adminUser());
        for (SecurityProperties.User extra : properties.users()) {
            if (extra.name() == null || extra.name().isBlank()) {
                throw new IllegalStateException("ztrade.security.users: a user has no name");
            }
            if (extra.password() == null || extra.password().isBlank()) {
                throw new IllegalStateException("ztrade.security.users: user '" + extra.name() + "' has no password");
            }
            if (extra.role() == null) {
                throw new IllegalStateException("ztrade.security.users: user '" + extra.name()
                        + "' has no role; use viewer, operator or admin");
            }
            if (!names.add(extra.name())) {
                throw new IllegalStateException("ztrade.security.users: user '" + extra.name() + "' is defined twice");
            }
            users.add(user(extra.name(), extra.password(), extra.role(), encoder));
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails user(String name, String password, Role role, PasswordEncoder encoder) {
        // a value with an {id} prefix is already a hash; anything else is a plain password, hashed here
        String hash = password.startsWith("{") ? password : encoder.encode(password);
        return User.withUsername(name).password(hash).roles(role.name()).build();
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
