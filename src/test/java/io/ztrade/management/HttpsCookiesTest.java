package io.ztrade.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Under HTTPS (server.ssl.enabled, a PKCS12 key store made for the test with the JDK's keytool) the session and
 * CSRF cookies are Secure as well as SameSite=Lax, so a browser never sends them over plain HTTP.
 */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camel.main.routes-include-pattern=file:routes/agent-template.yaml", "ztrade.simulator.enabled=false"})
class HttpsCookiesTest {

    private static final String STORE_PASSWORD = "test-store-password";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void https(DynamicPropertyRegistry registry) throws Exception {
        Path store = Files.createTempDirectory("ztrade-tls").resolve("ztrade.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "ztrade", "-keyalg", "RSA", "-keysize", "2048", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", STORE_PASSWORD, "-dname", "CN=localhost", "-validity", "2")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.key-store", () -> "file:" + store);
        registry.add("server.ssl.key-store-password", () -> STORE_PASSWORD);
        registry.add("server.ssl.key-alias", () -> "ztrade");
    }

    @Test
    void theSessionAndCsrfCookiesAreSecureAndSameSite() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trustingTheTestCertificate()).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = cookie(page.headers().allValues("Set-Cookie"), "XSRF-TOKEN");
        assertThat(csrf).contains("Secure").contains("SameSite=Lax");
        String token = csrf.substring("XSRF-TOKEN=".length(), csrf.indexOf(';'));

        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "XSRF-TOKEN=" + token).header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=viewer&password=test-viewer-password")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(cookie(login.headers().allValues("Set-Cookie"), "JSESSIONID")).contains("Secure").contains("HttpOnly")
                .contains("SameSite=Lax");
    }

    private static String cookie(List<String> cookies, String name) {
        return cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + cookies));
    }

    /** The test's own self-signed certificate; never outside a test. */
    private static SSLContext trustingTheTestCertificate() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, null);
        return context;
    }
}
