package io.ztrade.management.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * OpenID Connect login from {@link OidcProperties}, present only when an issuer is set: the client registration
 * (read from the issuer's discovery document at start-up), and the user service that maps the roles claim to one
 * role with {@link GroupRoles}, refusing a user with none mapped. {@link SecurityConfiguration} turns on
 * {@code oauth2Login} when the registration is there.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OidcProperties.class)
@Conditional(OidcLogin.IssuerSet.class)
class OidcLogin {

    private static final Logger LOG = LoggerFactory.getLogger("io.ztrade.security");
    private static final String SECRET = "ztrade.security.oidc.client-secret";

    @Bean
    ClientRegistrationRepository ztradeOidcRegistration(OidcProperties oidc, ConfigurableEnvironment environment) {
        secretFromTheEnvironment(environment);
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                .registrationId(OidcProperties.REGISTRATION_ID)
                .clientId(oidc.clientId())
                .clientSecret(oidc.clientSecret())
                .clientName(oidc.clientName())
                .scope(oidc.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build();
        LOG.info("OpenID Connect login on: issuer {}, client {}, roles from the '{}' claim", oidc.issuerUri(),
                oidc.clientId(), oidc.rolesClaim());
        return new InMemoryClientRegistrationRepository(registration);
    }

    /** The provider that completes a login: the code exchanged for tokens, the user given the mapped role. */
    static OidcAuthorizationCodeAuthenticationProvider provider(OidcProperties oidc) {
        return new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(),
                mappedUsers(oidc, new OidcUserService()));
    }

    static OAuth2UserService<OidcUserRequest, OidcUser> mappedUsers(OidcProperties oidc,
                                                                  OAuth2UserService<OidcUserRequest, OidcUser> provider) {
        return request -> {
            OidcUser user = provider.loadUser(request);
            Optional<Role> role = oidc.roleOf(values(user.getAttributes().get(oidc.rolesClaim())));
            String nameClaim = user.getAttributes().get(oidc.userNameClaim()) != null ? oidc.userNameClaim() : "sub";
            if (role.isEmpty()) {
                LOG.warn("OpenID Connect login refused for '{}': no value of its '{}' claim is mapped to a Ztrade role",
                        LoginAttempts.escape(String.valueOf(user.getAttributes().get(nameClaim))), oidc.rolesClaim());
                throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                        "no Ztrade role for this user (ztrade.security.oidc.*-groups)", null));
            }
            return new DefaultOidcUser(GroupRoles.authorities(role.get()), user.getIdToken(), user.getUserInfo(), nameClaim);
        };
    }

    private static List<String> values(Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim));
    }

    /**
     * The client secret may come from the environment (a variable, a system property, a test's own source), never
     * from a configuration file that may be committed or shared.
     */
    static void secretFromTheEnvironment(ConfigurableEnvironment environment) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source.getName().startsWith("configurationProperties")) {
                continue; // Spring's view over all the others
            }
            if (source.containsProperty(SECRET)) {
                boolean file = source instanceof OriginLookup<?> && source instanceof EnumerablePropertySource<?>
                        && source.getName().contains("Config resource");
                if (file) {
                    throw new IllegalStateException(SECRET + " is set in " + source.getName() + "; a secret comes from"
                            + " the environment only: set ZTRADE_SECURITY_OIDC_CLIENT_SECRET and remove it from the file");
                }
                return;
            }
        }
    }

    static final class IssuerSet implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String issuer = context.getEnvironment().getProperty("ztrade.security.oidc.issuer-uri");
            return issuer != null && !issuer.isBlank();
        }
    }
}
