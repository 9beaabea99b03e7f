package io.ztrade.management;

import io.ztrade.desk.DeskOperations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** @param out the output without its layout (JSON compared as text); {@code text} as printed */
    record Result(int exit, String out, String err, String text) {
    }

    @AfterEach
    void killSwitchOff() {
        desk.killSwitch(false);
        desk.setMode("test_stock", "ACTIVE", "test over", "test");
        desk.setMode("test_crypto", "ACTIVE", "test over", "test");
    }

    /**
     * test_crypto HALTED for the tests that run it: its runs go through every step and end BLOCKED_KILL_SWITCH at
     * risk, with no order, so the context's other tests still find its position and orders of the day below the limits.
     */
    private void haltCrypto() {
        desk.setMode("test_crypto", "HALTED", "command line test", "test");
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
        Result agents = ztrade("admin", ADMIN_PASSWORD, "agents", "--json");
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

    @Test
    void runFollowsTheRunToItsEndAndPrintsItThenLogsPrintsItsLogOrOneStepOfIt() throws Exception {
        haltCrypto();
        Result run = ztrade("operator", OPERATOR_PASSWORD, "run", "test_crypto", "--force");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern("run [0-9a-f-]{36} of test_crypto started; following it");
        String runId = run.err().replaceAll("(?s).*run ([0-9a-f-]{36}) of test_crypto started.*", "$1");
        assertThat(run.text()).containsPattern("(?m)^run +" + runId + "$").containsPattern("(?m)^status +BLOCKED_KILL_SWITCH$")
                .containsPattern("(?m)^risk +KILL_SWITCH: .*test_crypto HALTED").doesNotContain("{");

        Result logs = ztrade("viewer", VIEWER_PASSWORD, "logs", "test_crypto");
        assertThat(logs.exit()).as(logs.err()).isZero();
        assertThat(logs.text()).startsWith("run " + runId + " of test_crypto  BLOCKED_KILL_SWITCH")
                .containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}  INFO   risk          risk KILL_SWITCH BUY of BTC/USD")
                .contains("test_crypto BTC/USD price=");
        Result risk = ztrade("viewer", VIEWER_PASSWORD, "logs", "test_crypto", "--run", runId, "--step", "risk");
        assertThat(risk.text().lines().skip(1)).isNotEmpty().allSatisfy(line -> assertThat(line).contains("  risk  "));
        Result unknown = ztrade("viewer", VIEWER_PASSWORD, "logs", "test_crypto", "--run", "no-such-run");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("ztrade: HTTP 404: no run with id 'no-such-run'\n");
        Result before = ztrade("viewer", VIEWER_PASSWORD, "logs", "test_crypto", "--at", "2000-01-03T09:35");
        assertThat(before.exit()).isEqualTo(1);
        assertThat(before.err()).isEqualTo("ztrade: agent test_crypto has no run started by 2000-01-03T09:35\n");
        Result badTime = ztrade("viewer", VIEWER_PASSWORD, "logs", "test_crypto", "--at", "yesterday");
        assertThat(badTime.err()).startsWith("ztrade: HTTP 400: at: 'yesterday' is not a time;");
    }

    @Test
    void runsAgentsAndPositionsAreTablesForPeopleAndJsonWithJson() throws Exception {
        haltCrypto();
        forcedRunInItsOwnSecond("test_crypto");

        Result runs = ztrade("viewer", VIEWER_PASSWORD, "runs", "test_crypto", "3");
        assertThat(runs.exit()).as(runs.err()).isZero();
        List<String> lines = runs.text().lines().toList();
        assertThat(lines.get(0)).startsWith("STARTED (New York)   AGENT        SYMBOL   STATUS").endsWith("RUN");
        assertThat(lines).hasSizeBetween(2, 4);
        assertThat(lines.get(1)).contains("test_crypto  BTC/USD  BLOCKED_KILL_SWITCH  BUY").contains("test_crypto HALTED");
        Result json = ztrade("viewer", VIEWER_PASSWORD, "--json", "runs", "test_crypto", "3");
        assertThat(json.out()).startsWith("[{\"runId\":");

        Result agents = ztrade("viewer", VIEWER_PASSWORD, "agents");
        assertThat(agents.text()).startsWith("AGENT").containsPattern("(?m)^test_crypto +BTC/USD +crypto +0 0 0 1 1 \\? 2099 +2099-01-01 00:00:00");

        Result portfolio = ztrade("viewer", VIEWER_PASSWORD, "portfolio");
        assertThat(portfolio.exit()).as(portfolio.err()).isZero();
        assertThat(portfolio.text()).containsPattern("(?m)^desk equity +[0-9]").containsPattern("(?m)^AGENT +SYMBOL +QTY")
                .containsPattern("(?m)^test_crypto +BTC/USD ");
        assertThat(ztrade("viewer", VIEWER_PASSWORD, "portfolio", "--json").out()).startsWith("{\"at\":");

        Result positions = ztrade("viewer", VIEWER_PASSWORD, "positions");
        assertThat(positions.exit()).as(positions.err()).isZero();
        // what earlier runs of this context bought (the simulator's account lives as long as the context): the table
        // says what the API's JSON says
        Result positionsJson = ztrade("viewer", VIEWER_PASSWORD, "positions", "--json");
        if (positionsJson.out().equals("[]")) {
            assertThat(positions.text()).isEqualTo("no position at the broker and none in the records\n");
        } else {
            assertThat(positions.text()).startsWith("SYMBOL  AGENTS");
            for (com.fasterxml.jackson.databind.JsonNode holding : new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(positionsJson.text())) {
                assertThat(positions.text()).containsPattern("(?m)^" + holding.get("symbol").asText() + " +"
                        + holding.get("agents").get(0).asText() + " +" + holding.get("brokerQty").decimalValue()
                        .stripTrailingZeros().toPlainString().replace(".", "\\.") + " ");
            }
        }
    }

    @Test
    void runSaysAtOnceWhenTheAgentsRunIsGoingOn() throws Exception {
        haltCrypto();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        org.mockito.Mockito.doAnswer(call -> {
            assertThat(release.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            return call.callRealMethod();
        }).when(marketData).snapshot(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.anyInt());
        try {
            Result first = ztrade("operator", OPERATOR_PASSWORD, "run", "test_crypto", "--force", "--no-wait");
            assertThat(first.exit()).as(first.err()).isZero();
            Result second = ztrade("operator", OPERATOR_PASSWORD, "run", "test_crypto", "--force");
            assertThat(second.exit()).isEqualTo(5);
            assertThat(second.err()).startsWith("ztrade: agent test_crypto already has run " + first.out() + " going on");
        } finally {
            release.countDown();
            org.mockito.Mockito.reset(marketData);
        }
    }

    @Test
    void withoutATerminalItSaysWhereThePasswordGoesAndAProfileGivesTheSettingsTheEnvironmentWins() throws Exception {
        Result noPassword = ztrade(Map.of("ZTRADE_URL", "http://127.0.0.1:" + port), "agents");
        assertThat(noPassword.exit()).isEqualTo(2);
        assertThat(noPassword.err()).doesNotContain("/dev/tty")
                .startsWith("ztrade: no password for admin at http://127.0.0.1:" + port + " and no terminal to ask on:")
                .contains("ZTRADE_PASSWORD");

        Path home = Files.createTempDirectory(Path.of("target"), "home");
        Path profile = home.resolve(".ztrade");
        Files.writeString(profile, "# the desk\nZTRADE_URL=http://127.0.0.1:" + port + "\nexport ZTRADE_USER=viewer\n"
                + "ZTRADE_PASSWORD=\"" + VIEWER_PASSWORD + "\"\nrm -rf /tmp/never-run\n");
        Files.setPosixFilePermissions(profile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Result fromProfile = ztrade(Map.of("HOME", home.toString()), "agents");
        assertThat(fromProfile.exit()).as(fromProfile.err()).isZero();
        assertThat(fromProfile.err()).isEmpty();
        assertThat(fromProfile.text()).startsWith("AGENT");

        Result envWins = ztrade(Map.of("HOME", home.toString(), "ZTRADE_USER", "admin"), "agents");
        assertThat(envWins.exit()).isEqualTo(1);
        assertThat(envWins.err()).contains("admin could not log in");

        Files.setPosixFilePermissions(profile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Result readable = ztrade(Map.of("HOME", home.toString()), "agents");
        assertThat(readable.exit()).isZero();
        assertThat(readable.err()).contains(profile + " holds a password and others may read it; chmod 600");
    }

    @Test
    void theReadmeListsTheCommandLinesSettings() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("`ZTRADE_URL`", "`ZTRADE_USER`", "`ZTRADE_PASSWORD`", "`ZTRADE_WAIT`", "`~/.ztrade`",
                "`--json`", "bin/ztrade logs agent_tsla");
    }

    private Result ztrade(String user, String password, String... arguments) throws IOException, InterruptedException {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("ZTRADE_URL", "http://127.0.0.1:" + port);
        env.put("ZTRADE_USER", user);
        env.put("ZTRADE_PASSWORD", password);
        return ztrade(env, arguments);
    }

    /**
     * bin/ztrade with exactly these settings in its environment (HOME a directory of its own unless given), in a
     * session of its own: no controlling terminal, as under cron or CI, whatever terminal the build runs in.
     */
    private Result ztrade(Map<String, String> settings, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("setsid", "bash", "bin/ztrade"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("ZTRADE_"));
        env.put("HOME", Files.createTempDirectory(Path.of("target"), "home").toAbsolutePath().toString());
        env.putAll(settings);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // pretty-printed by jq or python3 when present: compare without the layout
        return new Result(process.exitValue(), out.replaceAll("\\s+", ""), err, out);
    }
}
