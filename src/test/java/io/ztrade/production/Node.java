package io.ztrade.production;

import io.ztrade.ZtradeApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One Ztrade node of the production profile in this JVM, on a test database (its JDBC URL), Redis prefix and routes. */
final class Node {

    private Node() {
    }

    static ConfigurableApplicationContext start(String jdbcUrl, String routes, String... extra) {
        return new SpringApplicationBuilder(ZtradeApplication.class).profiles("production")
                .run(args(jdbcUrl, routes, extra).toArray(String[]::new));
    }

    /**
     * The same node in a JVM of its own, so a test can kill it as a crash would (kill -9: no shutdown, no
     * check-out from the cluster). Its output goes to the given log file.
     */
    static Process startProcess(Path log, String jdbcUrl, String routes, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a test node lives a minute or two: C1 alone and the serial GC cut its start-up CPU from about
                // 35 s to 13 s (2 cores), and start-up is most of its life
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                "-Dspring.profiles.active=production",
                ZtradeApplication.class.getName()));
        command.addAll(args(jdbcUrl, routes, extra));
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * A node's arguments for this test's Redis keys and for the one stub that stands in for Alpaca (trading and
     * data), CoinGecko and Alpha Vantage; the stub is not Alpaca, so no rate limit (at 200 calls/min, and 20 fill
     * polls per order, runs would wait ~50 s a minute).
     */
    static List<String> againstStub(String redisPrefix, String stubUrl) {
        return List.of(
                "--ztrade.redis.url=redis://127.0.0.1:" + ProductionServices.REDIS_PORT,
                "--ztrade.redis.key-prefix=" + redisPrefix,
                "--ztrade.alpaca.base-url=" + stubUrl,
                "--ztrade.alpaca.data-url=" + stubUrl,
                "--ztrade.alpaca.requests-per-minute=100000",
                // no equity snapshots on a timer: the stub's answers (held, cut) are the test's to arrange
                "--ztrade.portfolio.snapshot-every=0s",
                "--ztrade.coingecko.base-url=" + stubUrl,
                "--ztrade.alphavantage.base-url=" + stubUrl);
    }

    /** {@link #againstStub} and then {@code extra}. */
    static String[] againstStub(String redisPrefix, String stubUrl, String... extra) {
        List<String> args = new ArrayList<>(againstStub(redisPrefix, stubUrl));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static List<String> args(String jdbcUrl, String routes, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + ProductionServices.PG_USER,
                "--server.port=0",
                // two nodes in one test JVM share one MBean server
                "--spring.jmx.unique-names=true",
                // the production profile refuses to start without an admin password: cluster-test-admin-password,
                // hashed at bcrypt cost 4 so each Basic login of a test is cheap
                "--ztrade.security.admin-password={bcrypt}$2a$04$oEaDqkmXlZKs9FVTp5Jk1ukER568L2uIYP5xaa6DoKsCTJ70LM2q2",
                // the broker stub answers "accepted": poll for the fill briefly, not the production 30 s
                "--ztrade.broker.fill-timeout=1s",
                "--ztrade.broker.fill-poll-interval=50ms",
                "--camel.springboot.main-run-controller=false",
                "--camel.main.routes-include-pattern=file:routes/agent-template.yaml," + routes,
                "--ztrade.retry.delay-ms=5",
                "--ztrade.journal.dir=target/journal/" + UUID.randomUUID(),
                "--ztrade.journal.replay-interval=300ms",
                // never a jar a user put in plugins/
                "--ztrade.plugins.dir=target/test-no-plugins",
                "--logging.level.root=WARN",
                "--logging.level.io.ztrade=INFO",
                "--logging.level.org.quartz.impl.jdbcjobstore=INFO"));
        // an extra --key=value replaces the default of that key (Spring would join two values with a comma)
        for (String arg : extra) {
            String key = arg.contains("=") ? arg.substring(0, arg.indexOf('=') + 1) : null;
            if (key != null) {
                args.removeIf(existing -> existing.startsWith(key));
            }
            args.add(arg);
        }
        return args;
    }
}
