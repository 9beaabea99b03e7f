package io.ztrade.management.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Builds the users from {@link SecurityProperties}. There is no built-in password: without
 * {@code ZTRADE_ADMIN_PASSWORD} the embedded default gets a random one at its first start, told then only to
 * {@code announce}, and keeps its bcrypt hash (never the password) in {@code admin-password-file} for the next starts;
 * the {@code production} profile refuses to start instead.
 */
final class ZtradeUsers {

    /** A bcrypt hash as Spring Security writes one, e.g. {@code $2a$10$} and 53 characters. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");

    private ZtradeUsers() {
    }

    static InMemoryUserDetailsManager from(SecurityProperties properties, boolean production, PasswordEncoder encoder,
                                           Consumer<String> announce) {
        return from(properties, production, true, encoder, announce);
    }

    /**
     * @param servesLogins false for a start that takes no logins (bin/backtest: no web server): without a configured
     *                     password its admin gets one no one knows, neither told nor kept, so the first real start of
     *                     the app still tells its own (a backtest run first had taken and printed it)
     */
    static InMemoryUserDetailsManager from(SecurityProperties properties, boolean production, boolean servesLogins,
                                           PasswordEncoder encoder, Consumer<String> announce) {
        List<UserDetails> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String adminPassword = properties.adminPassword();
        if (adminPassword == null || adminPassword.isBlank()) {
            if (production) {
                throw new IllegalStateException("the production profile needs an admin password: set ZTRADE_ADMIN_PASSWORD"
                        + " (plain, or a hash such as {bcrypt}$2a$10$...) for user '" + properties.adminUser()
                        + "'; Ztrade has no built-in password");
            }
            adminPassword = servesLogins ? keptOrGenerated(properties, announce)
                    : "{bcrypt}" + new BCryptPasswordEncoder().encode(generatedPassword());
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

    /**
     * The hash kept from the first start, or, when there is none, a new password: announced once and its hash written
     * (owner-only, never replacing a file another start wrote meanwhile).
     */
    private static String keptOrGenerated(SecurityProperties properties, Consumer<String> announce) {
        Path file = properties.adminPasswordFile();
        String kept = readKept(file);
        if (kept != null) {
            return kept;
        }
        String password = generatedPassword();
        String hash = new BCryptPasswordEncoder().encode(password);
        try {
            write(file, hash);
        } catch (FileAlreadyExistsException another) {
            return readKept(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated admin password's hash in " + file
                    + " (ztrade.security.admin-password-file): " + e.getMessage()
                    + "; make its folder writable, or set ZTRADE_ADMIN_PASSWORD", e);
        }
        announce.accept("Generated password for Ztrade admin user '" + properties.adminUser() + "': " + password
                + "  (shown at this first start only; its bcrypt hash is kept in " + file + " for the next starts:"
                + " delete that file to get a new password, or set ZTRADE_ADMIN_PASSWORD to choose one)");
        return "{bcrypt}" + hash;
    }

    private static String readKept(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        String hash;
        try {
            hash = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kept admin password hash " + file + ": " + e.getMessage(), e);
        }
        if (!BCRYPT.matcher(hash).matches()) {
            throw new IllegalStateException("ztrade.security.admin-password-file " + file + " holds no bcrypt hash"
                    + " ($2a$10$ and 53 characters); delete it to get a new generated password at the next start");
        }
        return "{bcrypt}" + hash;
    }

    private static void write(Path file, String hash) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        if (Files.getFileStore(folder == null ? Path.of(".") : folder).supportsFileAttributeView("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, hash + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
