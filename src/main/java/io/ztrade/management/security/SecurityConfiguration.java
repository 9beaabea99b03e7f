package io.ztrade.management.security;

import io.ztrade.provider.SimulatorToken;
import io.ztrade.simulator.SimulatorGuard;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

/**
 * Every page and endpoint needs a login except {@code /actuator/health}; the built-in market simulator, when it
 * runs, answers only the app's own HTTP client ({@link SimulatorGuard}), and is absent (401, or 404 when logged in)
 * when not. Roles: viewer reads, operator runs, tests, pauses and resumes agents and tightens a trading mode, admin flips the kill switch and
 * loosens a mode; what
 * each may do through Jolokia and Hawtio is {@link JolokiaPolicy}'s.
 * <p>
 * Browsers log in with {@link LoginPage}'s form (local users, then LDAP when {@link LdapProperties} has a URL) or
 * through an OpenID Connect provider ({@link OidcLogin}); an SSO user gets the one role authority a local user of
 * that role has, so every rule below holds for both alike. Browsers keep a session, and every change they send carries the CSRF token (cookie
 * {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}, as Hawtio and the runs console send it). Scripts such as
 * {@code bin/ztrade} send HTTP Basic credentials on each call instead; a 401 never asks a browser for Basic
 * credentials, so a browser never sends them by itself, and such calls need no CSRF token.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties({SecurityProperties.class, LdapProperties.class})
class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger("io.ztrade.security");

    @Bean
    PasswordEncoder passwordEncoder() {
        return new ConfiguredHashes();
    }

    @Bean
    InMemoryUserDetailsManager ztradeUsers(SecurityProperties properties, Environment environment, PasswordEncoder encoder) {
        // the backtest command (profile backtest) serves no web server, hence no login
        return ZtradeUsers.from(properties, environment.matchesProfiles("production"),
                !environment.matchesProfiles("backtest"), encoder, LOG::warn);
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(Role.hierarchy());
    }

    /** One chain, read top to bottom as the access policy; its length is the policy's, so it is not split. */
    @Bean
    SecurityFilterChain ztradeSecurity(HttpSecurity http, LoginThrottle loginThrottle, LoginPage loginPage,
                                       Environment environment, ObjectProvider<SimulatorToken> simulatorToken,
                                       InMemoryUserDetailsManager users, PasswordEncoder encoder, LdapProperties ldap,
                                       ObjectProvider<OidcProperties> oidcLogin, AuthenticationEventPublisher loginEvents)
            throws Exception {
        // form and HTTP Basic logins: local users first, then the directory when LDAP is on; every outcome is
        // published (LoginAttempts counts and audits it)
        DaoAuthenticationProvider local = new DaoAuthenticationProvider(encoder);
        local.setUserDetailsService(users);
        List<AuthenticationProvider> providers = new ArrayList<>(List.of(local));
        if (ldap.enabled()) {
            providers.add(LdapLogin.provider(ldap));
            LOG.info("LDAP login on: {} (users {}), groups under {}", ldap.url(),
                    ldap.userDnPattern().isBlank() ? ldap.userSearchFilter() : ldap.userDnPattern(), ldap.groupSearchBase());
        }
        // OpenID Connect: the provider's answer (the code) completed here, its roles claim mapped (OidcLogin)
        OidcProperties oidc = oidcLogin.getIfAvailable();
        if (oidc != null && oidc.enabled()) {
            providers.add(OidcLogin.provider(oidc));
            http.oauth2Login(sso -> sso.loginPage("/login").defaultSuccessUrl("/console", false).failureUrl("/login?error"));
        }
        ProviderManager logins = new ProviderManager(providers);
        logins.setAuthenticationEventPublisher(loginEvents);
        http.authenticationManager(logins);
        // the simulator's paths, one matcher for the rule and its guard; absent (401/404) when the simulator is off
        RequestMatcher simulatorPaths = PathPatternRequestMatcher.withDefaults().matcher("/simulator/**");
        SimulatorToken simulator = simulatorToken.getIfAvailable();
        // SameSite=Lax: no cross-site POST carries the token cookie; Secure under HTTPS (else the request decides)
        boolean https = environment.getProperty("server.ssl.enabled", Boolean.class, false);
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> {
            cookie.sameSite("Lax");
            if (https) {
                cookie.secure(true);
            }
        });
        if (simulator != null) {
            // no login: SimulatorGuard lets only the app's own client through (loopback, loopback Host, token)
            http.authorizeHttpRequests(requests -> requests.requestMatchers(simulatorPaths).permitAll())
                    .csrf(csrf -> csrf.ignoringRequestMatchers(simulatorPaths))
                    .addFilterBefore(new SimulatorGuard(simulatorPaths, simulator), AuthorizationFilter.class);
        }
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/login", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/kill-switch", "/api/kill-switch/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/agents/*/runs", "/api/agents/*/pause", "/api/agents/*/resume",
                                "/api/agents/*/test", "/api/backtests", "/api/optimizations", "/api/reconcile").hasRole(Role.OPERATOR.name())
                        // operators tighten a mode; DeskOperations lets only admins loosen one
                        .requestMatchers(HttpMethod.POST, "/api/desk/mode", "/api/agents/*/mode").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.PUT, "/api/desk/mode", "/api/agents/*/mode").hasRole(Role.OPERATOR.name())
                        // Hawtio reads through POSTs too; JolokiaRestrictor decides on each parsed Jolokia request
                        .requestMatchers("/actuator/jolokia", "/actuator/jolokia/**").hasRole(Role.VIEWER.name())
                        // Hawtio's own endpoints (its page POSTs a few, e.g. to check the session); it changes
                        // nothing but through Jolokia, and its proxy is off
                        .requestMatchers("/actuator/hawtio", "/actuator/hawtio/**").hasRole(Role.VIEWER.name())
                        .requestMatchers(HttpMethod.GET, "/**").hasRole(Role.VIEWER.name())
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console", false))
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        // scripts that authenticate every call
                        .ignoringRequestMatchers(SecurityConfiguration::sendsBasicCredentials))
                // a login attempt in back-off is refused before any password check (form and HTTP Basic)
                .addFilterBefore(new LoginThrottleFilter(loginThrottle, loginPage), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), request -> !acceptsHtml(request)));
        return http.build();
    }

    private static boolean sendsBasicCredentials(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /**
     * Spring Security's recipe for pages that read the token from the cookie: a header carries the raw token, a
     * form field the masked one (BREACH protection); and the cookie is written on every response.
     */
    static final class SpaCsrfTokenRequestHandler implements CsrfTokenRequestHandler {
        private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
        private final CsrfTokenRequestHandler xor = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
            xor.handle(request, response, csrfToken);
            csrfToken.get();
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
            String header = request.getHeader(csrfToken.getHeaderName());
            if (StringUtils.hasText(header)) {
                return plain.resolveCsrfTokenValue(request, csrfToken);
            }
            // a form field holds the masked token (the login page's), or the raw one copied from the cookie by a
            // page's script (the console's log-out form); either is a value only a page of this site can read
            String masked = xor.resolveCsrfTokenValue(request, csrfToken);
            return masked != null ? masked : plain.resolveCsrfTokenValue(request, csrfToken);
        }
    }
}
