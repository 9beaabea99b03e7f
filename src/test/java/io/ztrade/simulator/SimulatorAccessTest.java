package io.ztrade.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.management.OperationsTestSupport;
import io.ztrade.provider.SimulatorToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The simulator answers the app's own client only: raw HTTP from this machine, with and without the token, and with
 * the Host a reverse proxy on this host would forward.
 */
class SimulatorAccessTest extends OperationsTestSupport {

    private static final String ORDER = "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"type\":\"market\",\"notional\":\"50000\","
            + "\"time_in_force\":\"day\",\"client_order_id\":\"zt-attacker-1\"}";

    @LocalServerPort
    int port;

    @Autowired
    SimulatorToken token;

    @Autowired
    SimulatedAccount account;

    @Test
    void theAppsOwnTokenFromThisMachineIsAnswered() throws IOException {
        assertThat(get("/simulator/alpaca/v2/account", "127.0.0.1:" + port, token.value())).startsWith("HTTP/1.1 200");
        assertThat(get("/simulator/alpaca/v2/account", "localhost:" + port, token.value())).startsWith("HTTP/1.1 200");
        assertThat(get("/simulator/alpaca/v2/account", "[::1]:" + port, token.value())).startsWith("HTTP/1.1 200");
        assertThat(get("/simulator/alpaca/v2/account", "127.8.9.10", token.value())).startsWith("HTTP/1.1 200");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/simulator/alpaca/v2/account", "/simulator/alpaca/v2/orders:by_client_order_id?client_order_id=zt-a-1",
            "/simulator/alpaca-data/v2/stocks/AAPL/trades/latest", "/simulator/coingecko/api/v3/simple/price?ids=bitcoin&vs_currencies=usd",
            "/simulator/alphavantage/query?function=NEWS_SENTIMENT&tickers=AAPL", "/%73imulator/alpaca/v2/account",
            "/simulator/alpaca/../alpaca/v2/account", "/simulator//alpaca/v2/account", "/simulator/nope"})
    void withoutTheTokenEveryPathIsRefused(String path) throws IOException {
        String noToken = get(path, "127.0.0.1:" + port, null);
        assertThat(noToken).as(path).matches("(?s)HTTP/1.1 (403|400).*");
        assertThat(get(path, "127.0.0.1:" + port, "wrong-" + token.value())).as(path).matches("(?s)HTTP/1.1 (403|400).*");
        assertThat(noToken).doesNotContain("buying_power");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ztrade.example.com", "ztrade.example.com:443", "127.0.0.1.nip.io", "localhost.example.com",
            "10.0.0.5:8080", "[2001:db8::1]", "0.0.0.0"})
    void aForwardedOrForeignHostIsRefusedEvenWithTheToken(String host) throws IOException {
        assertThat(get("/simulator/alpaca/v2/account", host, token.value())).as(host).startsWith("HTTP/1.1 403");
    }

    @Test
    void noOrderIsPlacedAndNoIdClaimedWithoutTheToken() throws IOException {
        String answer = post("/simulator/alpaca/v2/orders", "127.0.0.1:" + port, null, ORDER, null);
        assertThat(answer).startsWith("HTTP/1.1 403");
        assertThat(account.order("zt-attacker-1")).isEmpty();
        // a login is no substitute for the token, not even an admin's
        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(post("/simulator/alpaca/v2/orders", "127.0.0.1:" + port, null, ORDER, admin)).startsWith("HTTP/1.1 403");
        assertThat(account.order("zt-attacker-1")).isEmpty();
    }

    private String get(String path, String host, String simulatorToken) throws IOException {
        return exchange("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                + (simulatorToken == null ? "" : SimulatorToken.HEADER + ": " + simulatorToken + "\r\n")
                + "Accept: application/json\r\nConnection: close\r\n\r\n");
    }

    private String post(String path, String host, String simulatorToken, String body, String authorization) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return exchange("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                + (simulatorToken == null ? "" : SimulatorToken.HEADER + ": " + simulatorToken + "\r\n")
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + body);
    }

    /** Raw HTTP/1.1, so the test sets the Host header exactly as a proxy or another process would. */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
