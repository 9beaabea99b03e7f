package io.ztrade.production;

import io.ztrade.ZtradeApplication;
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
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + ProductionServices.PG_USER,
                "--server.port=0",
                "--camel.springboot.main-run-controller=false",
                "--camel.main.routes-include-pattern=file:routes/agent-template.yaml," + routes,
                "--ztrade.retry.delay-ms=5",
                "--ztrade.journal.dir=target/journal/" + UUID.randomUUID(),
                "--ztrade.journal.replay-interval=300ms",
                "--logging.level.root=WARN",
                "--logging.level.io.ztrade=INFO",
                "--logging.level.org.quartz.impl.jdbcjobstore=INFO"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(ZtradeApplication.class).profiles("production")
                .run(args.toArray(String[]::new));
    }
}
