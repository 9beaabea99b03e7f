package io.ztrade.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.ztrade.desk.AuditLog;
import io.ztrade.management.security.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Failed logins, form and HTTP Basic: each test has its own user (created for it) and its own client address, so
 * its back-off never reaches the other tests of the shared context.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottlingTest extends OperationsTestSupport {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @Autowired
    InMemoryUserDetailsManager users;

    @Autowired
    PasswordEncoder encoder;

    private String username;
    private String address;

    @BeforeEach
    void ownUserAndAddress() {
        username = "trader-" + UUID.randomUUID().toString().substring(0, 8);
        address = "203.0.113." + ADDRESSES.incrementAndGet();
        users.createUser(User.withUsername(username).password(encoder.encode("right-password")).roles(Role.VIEWER.name()).build());
    }

    @Test
    void basicCredentialsBackOffAfterFiveFailuresAndAreNotCheckedDuringTheBackoff(CapturedOutput output) throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(basic(username, "wrong-" + i, address).getStatus()).as("failure " + (i + 1)).isEqualTo(401);
        }
        MockHttpServletResponse throttled = basic(username, "right-password", address);
        assertThat(throttled.getStatus()).as("even the right password waits").isEqualTo(429);
        assertThat(Long.parseLong(throttled.getHeader("Retry-After"))).isBetween(1L, 2L);
        assertThat(throttled.getContentAsString()).contains("try again in");
        assertThat(basic(username, "wrong-again", address).getStatus()).isEqualTo(429);
        assertThat(basic(username, "right-password", "198.51.100.77").getStatus()).as("per user, from any address")
                .isEqualTo(429);

        List<AuditLog.Entry> failures = failuresOf(username);
        assertThat(failures).as("six checked failures, none for the refused attempts").hasSize(6);
        assertThat(failures).allSatisfy(entry -> assertThat(entry.source()).isEqualTo(address));
        assertThat(failures.get(0).detail()).contains("back-off 1 s");
        assertThat(output).contains("Login failed for user '" + username + "' from " + address);
        assertThat(output).contains("Login refused without checking the password: user '" + username + "'");
    }

    @Test
    void theLoginFormBacksOffTheSameWay() throws Exception {
        for (int i = 0; i < 6; i++) {
            MockHttpServletResponse failed = form(username, "wrong-" + i, address);
            assertThat(failed.getRedirectedUrl()).as("failure " + (i + 1)).isEqualTo("/login?error");
        }
        MockHttpServletResponse throttled = form(username, "right-password", address);
        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(throttled.getHeader("Retry-After")).isNotBlank();
        assertThat(failuresOf(username)).hasSize(6);
    }

    /**
     * Red team: Spring Security's login filter matches {@code /login} on the decoded path, so {@code /%6cogin} (or
     * {@code /l%6Fgin}, ...) is a login attempt too; the back-off must hold for every spelling of the path, or an
     * attacker guesses at full speed and the right password gets in during the back-off.
     */
    @Test
    void theLoginFormBacksOffWhateverTheSpellingOfItsPath() throws Exception {
        for (String path : List.of("/%6cogin", "/l%6Fgin")) {
            for (int i = 0; i < 6; i++) {
                form(URI.create(path), username, "wrong-" + path + "-" + i, address);
            }
            assertThat(form(username, "right-password", address).getStatus()).as("/login is in back-off").isEqualTo(429);
            MockHttpServletResponse bypass = form(URI.create(path), username, "right-password", address);
            assertThat(bypass.getStatus()).as("the right password through " + path + " during the back-off")
                    .isEqualTo(429);
            assertThat(bypass.getRedirectedUrl()).as("no login through " + path).isNotEqualTo("/console");
        }
    }

    @Test
    void guessesThroughAnEncodedLoginPathAreThrottledToo() throws Exception {
        int checked = 0;
        for (int i = 0; i < 30; i++) {
            MockHttpServletResponse attempt = form(URI.create("/%6cogin"), username, "guess-" + i, address);
            if (attempt.getStatus() != 429) {
                checked++;
            }
        }
        assertThat(checked).as("passwords checked out of 30 guesses through /%6cogin (5 free, then back-off)")
                .isLessThanOrEqualTo(6);
        assertThat(failuresOf(username)).hasSizeLessThanOrEqualTo(6);
    }

    @Test
    void sprayingUserNamesFromOneAddressThrottlesTheAddress() throws Exception {
        for (int i = 0; i < 21; i++) {
            assertThat(basic("nobody-" + UUID.randomUUID(), "guess", address).getStatus()).isEqualTo(401);
        }
        assertThat(basic(username, "right-password", address).getStatus()).isEqualTo(429);
        assertThat(basic(username, "right-password", "198.51.100.78").getStatus()).isEqualTo(200);
    }

    @Test
    void aSuccessStartsTheCountAgain() throws Exception {
        for (int i = 0; i < 4; i++) {
            basic(username, "wrong", address);
        }
        assertThat(form(username, "right-password", address).getRedirectedUrl()).isEqualTo("/console");
        for (int i = 0; i < 5; i++) {
            assertThat(basic(username, "wrong", address).getStatus()).as("free again, failure " + (i + 1)).isEqualTo(401);
        }
    }

    @Test
    void aForgedNameCannotForgeALogLine(CapturedOutput output) throws Exception {
        String forged = username + "\r\n2026-12-01 io.ztrade.runs test_stock FILLED";
        basic(forged, "wrong", address);
        assertThat(output).contains("Login failed for user '" + username + "\\r\\n2026-12-01 io.ztrade.runs");
        assertThat(output).doesNotContain("\n2026-12-01 io.ztrade.runs test_stock FILLED");
        assertThat(audit.latest(50)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("LOGIN_FAILED");
            assertThat(entry.username()).startsWith(username + "\\r\\n").doesNotContain("\n");
        });
    }

    @Test
    void theSessionAndCsrfCookiesAreSameSiteLax() throws Exception {
        ResponseEntity<String> page = anonymous.getForEntity("/login", String.class);
        String csrfCookie = cookie(page.getHeaders(), "XSRF-TOKEN");
        assertThat(csrfCookie).contains("SameSite=Lax").doesNotContain("Secure");
        String token = csrfCookie.substring("XSRF-TOKEN=".length(), csrfCookie.indexOf(';'));

        // a client that does not follow the redirect, to see the login's own answer
        HttpResponse<String> loggedIn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(anonymous.getRootUri() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "XSRF-TOKEN=" + token).header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=right-password")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/console"));
        assertThat(loggedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure"));
    }

    private static String cookie(HttpHeaders headers, String name) {
        return headers.getOrEmpty(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + headers));
    }

    private List<AuditLog.Entry> failuresOf(String name) {
        return audit.latest(500).stream().filter(e -> e.action().equals("LOGIN_FAILED") && name.equals(e.username())).toList();
    }

    private MockHttpServletResponse basic(String name, String password, String from) throws Exception {
        return mvc.perform(get("/api/agents").with(httpBasic(name, password)).with(from(from))).andReturn().getResponse();
    }

    private MockHttpServletResponse form(String name, String password, String from) throws Exception {
        return mvc.perform(post("/login").param("username", name).param("password", password).with(csrf()).with(from(from)))
                .andReturn().getResponse();
    }

    private MockHttpServletResponse form(URI path, String name, String password, String from) throws Exception {
        return mvc.perform(post(path).param("username", name).param("password", password).with(csrf()).with(from(from)))
                .andReturn().getResponse();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
