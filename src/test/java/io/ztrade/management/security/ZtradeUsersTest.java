package io.ztrade.management.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetails;

class ZtradeUsersTest {

    final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    final List<String> announced = new ArrayList<>();

    @TempDir
    Path data;

    Path kept;

    @BeforeEach
    void keptHashInATemporaryDataFolder() {
        kept = data.resolve("admin-password.bcrypt");
    }

    /** bin/backtest serves no login: it neither tells nor keeps a password, so the app's first start still tells its own. */
    @Test
    void aStartThatServesNoLoginsLeavesTheGeneratedPasswordToTheFirstRealStart() {
        var users = ZtradeUsers.from(new SecurityProperties("admin", "", kept, List.of()), false, false, encoder, announced::add);

        assertThat(announced).isEmpty();
        assertThat(kept).doesNotExist();
        assertThat(users.loadUserByUsername("admin").getPassword()).startsWith("{bcrypt}");

        ZtradeUsers.from(new SecurityProperties("admin", "", kept, List.of()), false, encoder, announced::add);
        assertThat(announced).hasSize(1);
        assertThat(kept).exists();
    }

    @Test
    void withoutAnAdminPasswordTheEmbeddedDefaultGeneratesOneAndTellsItOnce() {
        var users = ZtradeUsers.from(new SecurityProperties("admin", "", kept, List.of()), false, encoder, announced::add);

        assertThat(announced).hasSize(1);
        String password = announced.get(0).replaceFirst(".*': (\\S+) .*", "$1");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo("admin");
        UserDetails admin = users.loadUserByUsername("admin");
        assertThat(encoder.matches(password, admin.getPassword())).isTrue();
        assertThat(encoder.matches("admin", admin.getPassword())).isFalse();
        assertThat(admin.getPassword()).doesNotContain(password);
    }

    @Test
    void theProductionProfileRefusesToStartWithoutAnAdminPassword() {
        assertThatThrownBy(() -> ZtradeUsers.from(new SecurityProperties("admin", null, kept, List.of()), true, encoder, announced::add))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ZTRADE_ADMIN_PASSWORD");
        assertThat(announced).isEmpty();
    }

    @Test
    void theApplicationReadsTheProductionProfileFromItsEnvironment() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");
        SecurityProperties noPassword = new SecurityProperties("admin", "", kept, List.of());

        assertThatThrownBy(() -> new SecurityConfiguration().ztradeUsers(noPassword, production, encoder))
                .hasMessageContaining("the production profile needs an admin password");
        assertThat(new SecurityConfiguration().ztradeUsers(noPassword, new MockEnvironment(), encoder)
                .userExists("admin")).isTrue();
    }

    @Test
    void configuredUsersGetTheirRoleAndHashesAreKeptAsGiven() {
        String hash = encoder.encode("op-secret");
        var users = ZtradeUsers.from(new SecurityProperties("root", "admin-secret", kept,
                List.of(new SecurityProperties.User("ops", hash, Role.OPERATOR))), true, encoder, announced::add);

        assertThat(announced).isEmpty();
        UserDetails ops = users.loadUserByUsername("ops");
        assertThat(ops.getPassword()).isEqualTo(hash);
        assertThat(ops.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_OPERATOR");
        assertThat(encoder.matches("admin-secret", users.loadUserByUsername("root").getPassword())).isTrue();
        assertThat(new SecurityProperties("root", "admin-secret", kept, List.of()).toString()).doesNotContain("admin-secret");
    }

    @Test
    void theGeneratedPasswordIsKeptAsABcryptHashReadableByItsOwnerOnlyAndToldAtTheFirstStartOnly() throws Exception {
        SecurityProperties noPassword = new SecurityProperties("admin", "", kept, List.of());
        ZtradeUsers.from(noPassword, false, encoder, announced::add);
        assertThat(announced).hasSize(1);
        String password = announced.get(0).replaceFirst(".*': (\\S+) .*", "$1");
        assertThat(announced.get(0)).contains("first start only", kept.toString(), "delete that file");

        String hash = Files.readString(kept).trim();
        assertThat(hash).startsWith("$2a$10$").hasSize(60).doesNotContain(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");

        var second = ZtradeUsers.from(noPassword, false, encoder, announced::add);
        assertThat(announced).as("nothing told at the second start").hasSize(1);
        assertThat(encoder.matches(password, second.loadUserByUsername("admin").getPassword())).isTrue();
    }

    @Test
    void aKeptFileThatHoldsNoBcryptHashIsAClearError() throws Exception {
        Files.writeString(kept, "hunter2\n");
        assertThatThrownBy(() -> ZtradeUsers.from(new SecurityProperties("admin", "", kept, List.of()), false, encoder,
                announced::add))
                .hasMessageContaining(kept.toString()).hasMessageContaining("holds no bcrypt hash")
                .hasMessageContaining("delete it");
        assertThat(announced).isEmpty();
    }

    @Test
    void aConfiguredPasswordAndTheProductionProfileNeverTouchTheFile() {
        ZtradeUsers.from(new SecurityProperties("admin", "admin-secret", kept, List.of()), false, encoder, announced::add);
        assertThatThrownBy(() -> ZtradeUsers.from(new SecurityProperties("admin", "", kept, List.of()), true, encoder,
                announced::add)).hasMessageContaining("ZTRADE_ADMIN_PASSWORD");
        assertThat(kept).doesNotExist();
    }
}
