package io.ztrade.management.security;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OpenID Connect login ({@code ztrade.security.oidc.*}), off while {@code issuerUri} is blank: a "Log in with ..."
 * button on the login page sends the browser to the provider (authorization code flow); the ID token's (or user
 * info's) {@code rolesClaim} gives one role, the highest mapped; a user with no mapped value gets no access.
 *
 * @param issuerUri    the provider's issuer ({@code ZTRADE_SECURITY_OIDC_ISSUER_URI}), read through its
 *                     {@code /.well-known/openid-configuration} at start-up; blank: no OIDC login
 * @param clientId     Ztrade's client id at the provider
 * @param clientSecret Ztrade's client secret ({@code ZTRADE_SECURITY_OIDC_CLIENT_SECRET}): from the environment only,
 *                     never from a file of the configuration, never logged
 * @param clientName   the provider's name on the login page's button (defaults to {@code single sign-on})
 * @param scopes       the scopes asked for (defaults to {@code openid, profile}; some providers need {@code groups})
 * @param rolesClaim   the claim that lists the user's groups or roles (defaults to {@code groups}; Keycloak:
 *                     {@code roles} with a mapper, Entra ID: {@code roles} or {@code groups})
 * @param userNameClaim the claim shown and audited as the user's name (defaults to {@code preferred_username}; the
 *                     subject when absent)
 * @param viewerGroups values of the claim whose users are viewers (compared ignoring case)
 * @param operatorGroups values whose users are operators
 * @param adminGroups  values whose users are admins
 */
@ConfigurationProperties("ztrade.security.oidc")
public record OidcProperties(String issuerUri, String clientId, String clientSecret,
                             @DefaultValue("single sign-on") String clientName,
                             @DefaultValue({"openid", "profile"}) List<String> scopes,
                             @DefaultValue("groups") String rolesClaim,
                             @DefaultValue("preferred_username") String userNameClaim,
                             @DefaultValue List<String> viewerGroups,
                             @DefaultValue List<String> operatorGroups,
                             @DefaultValue List<String> adminGroups) {

    /** The registration's id: its redirect URI is {@code /login/oauth2/code/sso}. */
    static final String REGISTRATION_ID = "sso";

    public OidcProperties {
        if (enabled(issuerUri)) {
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("ztrade.security.oidc.client-id is blank; set ZTRADE_SECURITY_OIDC_CLIENT_ID");
            }
            if (clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalArgumentException("ztrade.security.oidc.client-secret is blank; set"
                        + " ZTRADE_SECURITY_OIDC_CLIENT_SECRET in the environment");
            }
            if (viewerGroups.isEmpty() && operatorGroups.isEmpty() && adminGroups.isEmpty()) {
                throw new IllegalArgumentException("ztrade.security.oidc: no value of the '" + rolesClaim + "' claim is"
                        + " mapped to a role, so no user could log in; set viewer-groups, operator-groups and/or admin-groups");
            }
            if (!scopes.contains("openid")) {
                throw new IllegalArgumentException("ztrade.security.oidc.scopes must include openid, got " + scopes);
            }
        }
    }

    public boolean enabled() {
        return enabled(issuerUri);
    }

    private static boolean enabled(String issuerUri) {
        return issuerUri != null && !issuerUri.isBlank();
    }

    Optional<Role> roleOf(Iterable<String> groups) {
        return GroupRoles.highest(groups, viewerGroups, operatorGroups, adminGroups);
    }

    @Override
    public String toString() {
        return "OidcProperties[issuerUri=" + issuerUri + ", clientId=" + clientId + ", clientSecret=***, rolesClaim="
                + rolesClaim + ", viewerGroups=" + viewerGroups + ", operatorGroups=" + operatorGroups + ", adminGroups="
                + adminGroups + "]";
    }
}
