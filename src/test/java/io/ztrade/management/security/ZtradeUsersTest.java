package io.ztrade.management.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetails;

class ZtradeUsersTest {

    final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    final List<String> announced = new ArrayList<>();

    @Test
    void withoutAnAdminPasswordTheEmbeddedDefaultGeneratesOneAndTellsItOnce() {
        var users = ZtradeUsers.from(new SecurityProperties("admin", "", List.of()), false, encoder, announced::add);

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
        assertThatThrownBy(() -> ZtradeUsers.from(new SecurityProperties("admin", null, List.of()), true, encoder, announced::add))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ZTRADE_ADMIN_PASSWORD");
        assertThat(announced).isEmpty();
    }

    @Test
    void theApplicationReadsTheProductionProfileFromItsEnvironment() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");
        SecurityProperties noPassword = new SecurityProperties("admin", "", List.of());

        assertThatThrownBy(() -> new SecurityConfiguration().ztradeUsers(noPassword, production, encoder))
                .hasMessageContaining("the production profile needs an admin password");
        assertThat(new SecurityConfiguration().ztradeUsers(noPassword, new MockEnvironment(), encoder)
                .userExists("admin")).isTrue();
    }

    @Test
    void configuredUsersGetTheirRoleAndHashesAreKeptAsGiven() {
        String hash = encoder.encode("op-secret");
        var users = ZtradeUsers.from(new SecurityProperties("root", "admin-secret",
                List.of(new SecurityProperties.User("ops", hash, Role.OPERATOR))), true, encoder, announced::add);

        assertThat(announced).isEmpty();
        UserDetails ops = users.loadUserByUsername("ops");
        assertThat(ops.getPassword()).isEqualTo(hash);
        assertThat(ops.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_OPERATOR");
        assertThat(encoder.matches("admin-secret", users.loadUserByUsername("root").getPassword())).isTrue();
        assertThat(new SecurityProperties("root", "admin-secret", List.of()).toString()).doesNotContain("admin-secret");
    }
}
