package io.ztrade.management.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The single sign-on settings' checks: what is missing is named, and the OIDC client secret comes from no file. */
class SsoSettingsTest {

    @Test
    void theClientSecretFromAConfigurationFileIsRefusedAndFromTheEnvironmentTaken() {
        StandardEnvironment fromFile = new StandardEnvironment();
        fromFile.getPropertySources().addLast(new OriginTrackedMapPropertySource(
                "Config resource 'file [application.yml]' via location 'optional:file:./'",
                Map.of("ztrade.security.oidc.client-secret", "in-a-file")));
        assertThatThrownBy(() -> OidcLogin.secretFromTheEnvironment(fromFile))
                .hasMessageContaining("from the environment only").hasMessageContaining("ZTRADE_SECURITY_OIDC_CLIENT_SECRET")
                .hasMessageNotContaining("in-a-file");

        StandardEnvironment fromEnvironment = new StandardEnvironment();
        fromEnvironment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("systemEnvironment",
                Map.of("ZTRADE_SECURITY_OIDC_CLIENT_SECRET", "from-the-environment")));
        fromEnvironment.getPropertySources().addLast(new OriginTrackedMapPropertySource(
                "Config resource 'class path resource [application.yml]'", Map.of("ztrade.security.oidc.client-secret", "")));
        assertThatCode(() -> OidcLogin.secretFromTheEnvironment(fromEnvironment)).doesNotThrowAnyException();
        StandardEnvironment test = new StandardEnvironment();
        test.getPropertySources().addFirst(new MapPropertySource("Dynamic Test Properties",
                Map.of("ztrade.security.oidc.client-secret", "s")));
        assertThatCode(() -> OidcLogin.secretFromTheEnvironment(test)).doesNotThrowAnyException();
    }

    @Test
    void anIssuerWithoutClientOrMappedGroupsIsAClearError() {
        assertThatThrownBy(() -> oidc("https://idp", "ztrade", "", List.of("analysts")))
                .hasMessageContaining("ZTRADE_SECURITY_OIDC_CLIENT_SECRET");
        assertThatThrownBy(() -> oidc("https://idp", "ztrade", "s", List.of()))
                .hasMessageContaining("no value of the 'groups' claim is mapped");
        assertThat(oidc("", null, null, List.of()).enabled()).isFalse();
        assertThat(oidc("https://idp", "ztrade", "the-secret", List.of("a")).toString()).doesNotContain("the-secret");
        assertThatThrownBy(() -> new LdapProperties("ldap://h/dc=x", "uid={0}", "", "(uid={0})", null, null, "ou=groups",
                "(member={0})", "cn", List.of(), List.of(), List.of())).hasMessageContaining("no group is mapped");
        assertThatThrownBy(() -> new LdapProperties("http://h", "uid={0}", "", "(uid={0})", null, null, "ou=groups",
                "(member={0})", "cn", List.of("a"), List.of(), List.of())).hasMessageContaining("ldap:// or ldaps://");
    }

    @Test
    void theHighestMappedRoleWinsIgnoringCase() {
        List<String> viewers = List.of("analysts");
        List<String> operators = List.of("traders");
        List<String> admins = List.of("Desk-Admins");
        assertThat(GroupRoles.highest(List.of("ANALYSTS"), viewers, operators, admins)).contains(Role.VIEWER);
        assertThat(GroupRoles.highest(List.of("analysts", "Traders"), viewers, operators, admins)).contains(Role.OPERATOR);
        assertThat(GroupRoles.highest(List.of("traders", "desk-admins"), viewers, operators, admins)).contains(Role.ADMIN);
        assertThat(GroupRoles.highest(List.of("marketing"), viewers, operators, admins)).isEmpty();
        assertThat(GroupRoles.highest(List.of(), viewers, operators, admins)).isEmpty();
    }

    private static OidcProperties oidc(String issuer, String client, String secret, List<String> viewers) {
        return new OidcProperties(issuer, client, secret, "IdP", List.of("openid"), "groups", "preferred_username",
                viewers, List.of(), List.of());
    }
}
