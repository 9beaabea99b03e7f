package io.ztrade.management;

import io.ztrade.desk.DeskOperations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code bin/ztrade} against the running app, as an operator would call it. */
class CommandLineTest extends OperationsTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    DeskOperations desk;

    record Result(int exit, String out, String err) {
    }

    @AfterEach
    void killSwitchOff() {
        desk.killSwitch(false);
        desk.setMode("test_stock", "ACTIVE", "test over", "test");
    }

    @Test
    void showsTheDeskAndSetsModesOperatorsTightenAdminsLoosen() throws Exception {
        Result halt = ztrade("operator", OPERATOR_PASSWORD, "mode", "test_stock", "HALTED", "earnings", "\"today\"");
        assertThat(halt.exit()).as(halt.err()).isZero();
        assertThat(halt.out()).contains("\"mode\":\"HALTED\"", "\"reason\":\"earnings\\\"today\\\"\"");

        Result loosen = ztrade("operator", OPERATOR_PASSWORD, "mode", "test_stock", "ACTIVE", "done");
        assertThat(loosen.exit()).isEqualTo(1);
        assertThat(loosen.err()).contains("operator may not do this").contains("loosening a mode is an admin's");

        Result shown = ztrade("viewer", VIEWER_PASSWORD, "desk");
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("\"id\":\"test_stock\",\"mode\":\"HALTED\"");

        Result noReason = ztrade("operator", OPERATOR_PASSWORD, "mode", "desk", "REDUCE_ONLY");
        assertThat(noReason.exit()).isEqualTo(1);
        assertThat(noReason.err()).contains("a reason is required to set the desk REDUCE_ONLY");

        Result lift = ztrade("admin", ADMIN_PASSWORD, "mode", "test_stock", "ACTIVE", "earnings out");
        assertThat(lift.exit()).as(lift.err()).isZero();
        assertThat(desk.mode("test_stock").mode()).isEqualTo(io.ztrade.risk.TradingMode.ACTIVE);
    }

    @Test
    void listsAgentsTestsOneStepAndFlipsTheKillSwitch() throws Exception {
        Result agents = ztrade("admin", ADMIN_PASSWORD, "agents");
        assertThat(agents.exit()).as(agents.err()).isZero();
        assertThat(agents.out()).contains("\"id\":\"test_crypto\"", "\"symbol\":\"BTC/USD\"");

        Result test = ztrade("operator", OPERATOR_PASSWORD, "test", "test_crypto", "--step", "decision");
        assertThat(test.exit()).as(test.err()).isZero();
        assertThat(test.out()).contains("\"step\":\"decision\"", "\"action\":\"BUY\"", "noorderplaced")
                .doesNotContain("\"step\":\"marketData\"");
        // a stock agent, whatever the hour: --force passes the market-hours gate
        Result forced = ztrade("operator", OPERATOR_PASSWORD, "test", "test_stock", "--step", "marketData", "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("\"step\":\"marketData\"", "\"symbol\":\"TSLA\"");
        Result unknown = ztrade("operator", OPERATOR_PASSWORD, "test", "test_stock", "--fast");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown option '--fast'");

        Result on = ztrade("admin", ADMIN_PASSWORD, "kill-switch", "on");
        assertThat(on.out()).contains("\"engaged\":true");
        assertThat(desk.killSwitchEngaged()).isTrue();
    }

    @Test
    void reconcilesOnDemandForOperatorsAndListsIssues() throws Exception {
        Result viewer = ztrade("viewer", VIEWER_PASSWORD, "reconcile");
        assertThat(viewer.exit()).isEqualTo(1);
        assertThat(viewer.err()).contains("viewer may not do this");

        Result pass = ztrade("operator", OPERATOR_PASSWORD, "reconcile");
        assertThat(pass.exit()).as(pass.err()).isZero();
        assertThat(pass.out()).contains("\"trigger\":\"api\"", "\"outcome\":");
        Result status = ztrade("viewer", VIEWER_PASSWORD, "reconcile", "status");
        assertThat(status.out()).contains("\"last\":{\"trigger\":\"api\"", "\"openIssues\":[");
        Result issues = ztrade("viewer", VIEWER_PASSWORD, "reconcile", "issues");
        assertThat(issues.exit()).as(issues.err()).isZero();
        Result ack = ztrade("admin", ADMIN_PASSWORD, "reconcile", "ack", "999999");
        assertThat(ack.exit()).isEqualTo(1);
        assertThat(ack.err()).contains("HTTP 404");
    }

    @Test
    void saysWhyWhenTheLoginOrTheRoleIsWrong() throws Exception {
        Result badPassword = ztrade("admin", "wrong", "agents");
        assertThat(badPassword.exit()).isEqualTo(1);
        assertThat(badPassword.err()).contains("admin could not log in");

        Result viewer = ztrade("viewer", VIEWER_PASSWORD, "kill-switch", "on");
        assertThat(viewer.exit()).isEqualTo(1);
        assertThat(viewer.err()).contains("viewer may not do this");
        assertThat(desk.killSwitchEngaged()).isFalse();
    }

    private Result ztrade(String user, String password, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "bin/ztrade"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("ZTRADE_URL", "http://127.0.0.1:" + port);
        env.put("ZTRADE_USER", user);
        env.put("ZTRADE_PASSWORD", password);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // pretty-printed by jq or python3 when present: compare without the layout
        return new Result(process.exitValue(), out.replaceAll("\\s+", ""), err);
    }
}
