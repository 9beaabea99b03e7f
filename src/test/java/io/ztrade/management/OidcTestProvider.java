package io.ztrade.management;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the SSO tests: Spring Authorization Server in a small Spring context of its own
 * on its own port (not Ztrade's configuration: {@code spring.config.name} names no file), at {@code localhost} while
 * Ztrade is reached at {@code 127.0.0.1}, so the browser keeps the two sessions' cookies apart. Its users log in with
 * Spring's form; each has a {@code groups} claim in its ID token. One client, {@code ztrade}, whose redirect URI is
 * Ztrade's, on a port known only once Ztrade has started ({@code ztradePort}).
 */
final class OidcTestProvider {

    static final String CLIENT_ID = "ztrade";
    static final String CLIENT_SECRET = "test-oidc-client-secret-7d1e";

    /** The provider's users: password, and the groups in their ID token. */
    static final Map<String, List<String>> GROUPS = Map.of(
            "sso-viewer", List.of("analysts"),
            "sso-operator", List.of("Traders", "analysts"),
            "sso-nobody", List.of("marketing"));
    static final String PASSWORD = "sso-user-password";

    private OidcTestProvider() {
    }

    /** Ztrade's port, for the client's redirect URI; known once Ztrade has started. */
    private static volatile IntSupplier ztradePort = () -> 0;

    static ConfigurableApplicationContext start(IntSupplier ztrade) {
        ztradePort = ztrade;
        return new SpringApplicationBuilder(Provider.class).web(WebApplicationType.SERVLET)
                .properties("spring.config.name=oidc-test-provider", "server.port=0", "spring.main.banner-mode=off",
                        "spring.jmx.enabled=false", "server.servlet.session.cookie.name=PROVIDERSESSION")
                .run();
    }

    static String issuer(ConfigurableApplicationContext provider) {
        return "http://localhost:" + ((WebServerApplicationContext) provider).getWebServer().getPort();
    }

    // no @Configuration: Ztrade's own component scan (io.ztrade) must never find the provider's beans
    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
            SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class})
    static class Provider {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, s -> s.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    // the user info endpoint takes the access token
                    .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                    .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain providerLogin(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults()).build();
        }

        @Bean
        UserDetailsService providerUsers() {
            return new InMemoryUserDetailsManager(GROUPS.keySet().stream()
                    .map(name -> User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build()).toList());
        }

        @Bean
        RegisteredClientRepository clients() {
            return new RegisteredClientRepository() {
                @Override
                public void save(RegisteredClient registeredClient) {
                    // the provider re-saves the client to re-hash its {noop} secret; the client stays as built below
                }

                @Override
                public RegisteredClient findById(String id) {
                    return client();
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    return CLIENT_ID.equals(clientId) ? client() : null;
                }

                private RegisteredClient client() {
                    return RegisteredClient.withId("ztrade-client").clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                            .redirectUri("http://127.0.0.1:" + ztradePort.getAsInt() + "/login/oauth2/code/sso")
                            .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                            .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                            .build();
                }
            };
        }

        /** Each user's groups in its ID token, as an IdP's group mapper puts them there. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> groupsClaim() {
            return context -> {
                if ("id_token".equals(context.getTokenType().getValue())) {
                    context.getClaims().claim("groups", GROUPS.getOrDefault(context.getPrincipal().getName(), List.of()));
                    context.getClaims().claim("preferred_username", context.getPrincipal().getName());
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
