package io.ztrade.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.ZtradeApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default without ZTRADE_ADMIN_PASSWORD, started twice on one data folder (its H2 file and the kept
 * hash): the password printed at the first start still logs in after the restart, and the second start prints none.
 * Before, each start made and printed a new password, so the one a user had noted stopped working at the next start.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordRestartTest {

    private static final Pattern GENERATED = Pattern.compile("Generated password for Ztrade admin user 'admin': (\\S+)");

    private final Path data = Path.of(".", "target", "admin-password-restart", UUID.randomUUID().toString());
    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ZtradeApplication.class).profiles("test").run(
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("ztrade")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--server.port=0", "--spring.jmx.unique-names=true", "--camel.springboot.main-run-controller=false",
                "--ztrade.simulator.enabled=false",
                // as without ZTRADE_ADMIN_PASSWORD (the test profile sets one)
                "--ztrade.security.admin-password=",
                "--ztrade.security.admin-password-file=" + data.resolve("admin-password.bcrypt"));
    }

    @Test
    void theFirstStartsPasswordStillLogsInAfterARestartAndIsPrintedOnlyOnce(CapturedOutput output) throws Exception {
        app = start();
        Matcher printed = GENERATED.matcher(output.getAll());
        assertThat(printed.find()).as("the first start prints the password").isTrue();
        String password = printed.group(1);
        assertThat(status(password)).isEqualTo(200);
        Path kept = data.resolve("admin-password.bcrypt");
        assertThat(Files.readString(kept)).startsWith("$2a$10$").doesNotContain(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");
        app.close();
        int printedBefore = output.getAll().length();

        app = start();
        String secondStart = output.getAll().substring(printedBefore);
        assertThat(secondStart).as("the second start's output").doesNotContain("Generated password")
                .doesNotContain(password);
        assertThat(status(password)).as("the first start's password after the restart").isEqualTo(200);
        assertThat(status("not-" + password)).isEqualTo(401);
        // and the login page says where that password is
        assertThat(get("/login")).contains("printed in the start-up log of Ztrade's first start", "admin-password.bcrypt");
    }

    private String get(String path) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private int status(String password) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        String basic = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/agents"))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
