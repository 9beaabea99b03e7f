package io.ztrade.production;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The real PostgreSQL and Redis these tests need (CI starts both on 127.0.0.1). Absent servers fail the test with
 * what to start, never skip it. Each test gets its own database {@code ztrade_it_*} and Redis key prefix.
 */
public final class ProductionServices {

    public static final String PG_HOST = "127.0.0.1";
    public static final int PG_PORT = 5432;
    public static final String PG_USER = "postgres";
    public static final int REDIS_PORT = 6379;

    private ProductionServices() {
    }

    public static String jdbcUrl(String database) {
        return jdbcUrl(PG_HOST, PG_PORT, database);
    }

    public static String jdbcUrl(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** A new empty database, named after the test. */
    public static String createDatabase(String purpose) {
        String name = ("ztrade_it_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection admin = DriverManager.getConnection(jdbcUrl("test"), PG_USER, null);
             Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL is required on " + PG_HOST + ":" + PG_PORT + " (user " + PG_USER
                    + ", database test) and did not answer: " + e.getMessage() + ". Start it with: pg_ctlcluster"
                    + " --skip-systemctl-redirect $(ls /etc/postgresql) main start", e);
        }
        return name;
    }

    public static void dropDatabase(String name) {
        try (Connection admin = DriverManager.getConnection(jdbcUrl("test"), PG_USER, null);
             Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // left for the next run's cleanup; not a test failure
        }
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), PG_USER, null);
    }

    public static void requireRedis() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", REDIS_PORT), 2000);
        } catch (IOException e) {
            throw new AssertionError("Redis is required on 127.0.0.1:" + REDIS_PORT + " and did not answer: "
                    + e.getMessage() + ". Start it with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379"
                    + " --save \"\" --appendonly no", e);
        }
    }

    public static String redisPrefix() {
        return "ztrade-it-" + UUID.randomUUID() + ":";
    }

    /** Removes a test's keys, so test runs leave nothing behind in the shared Redis. */
    public static void deleteRedisKeys(String prefix) {
        LettuceConnectionFactory connections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", REDIS_PORT));
        connections.afterPropertiesSet();
        try {
            StringRedisTemplate redis = new StringRedisTemplate(connections);
            redis.afterPropertiesSet();
            java.util.Set<String> keys = redis.keys(prefix + "*");
            if (keys != null && !keys.isEmpty()) {
                redis.delete(keys);
            }
        } catch (RuntimeException e) {
            // Redis gone: nothing to clean
        } finally {
            connections.destroy();
        }
    }

    /** A port nothing listens on. */
    public static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row the query returns, as text. */
    public static List<String> rows(String database, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(database); Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** A query's single number, such as a count. */
    public static long count(String database, String query) throws SQLException {
        return Long.parseLong(rows(database, query).get(0));
    }
}
