package io.ztrade.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztrade.PipelineTestSupport;
import io.ztrade.provider.SimulatorToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The simulator's Alpaca trading API over real HTTP, as the app's client (and any Alpaca client given the token) calls
 * it. The account is shared by every test of the context: tests use symbols and client order ids of their own.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SimulatorApiSupport extends PipelineTestSupport {

    private static final AtomicLong IDS = new AtomicLong();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    SimulatorToken token;

    record Reply(int status, String body, JsonNode json) {
    }

    /** A symbol no other test trades: positions are per symbol. */
    static String uniqueSymbol(String prefix) {
        long n = IDS.incrementAndGet();
        return prefix + (char) ('A' + n / 676 % 26) + (char) ('A' + n / 26 % 26) + (char) ('A' + n % 26);
    }

    static String clientId(String what) {
        return "zt-simtest-" + what + "-" + IDS.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** A GET of any simulator path ({@code /simulator/...}). */
    Reply send(String simulatorPath) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + simulatorPath))
                .header(SimulatorToken.HEADER, token.value()).GET());
    }

    Reply delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    Reply post(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A market order by notional; answers the order. */
    JsonNode buy(String symbol, String notional, String clientOrderId) throws IOException, InterruptedException {
        String tif = symbol.contains("/") ? "gtc" : "day";
        Reply reply = post("/v2/orders", """
                {"symbol":"%s","side":"buy","type":"market","notional":"%s","time_in_force":"%s","client_order_id":"%s"}"""
                .formatted(symbol, notional, tif, clientOrderId));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    JsonNode order(String symbol, String side, String type, String qty, String limitPrice, String tif, String clientOrderId)
            throws IOException, InterruptedException {
        Reply reply = post("/v2/orders", """
                {"symbol":"%s","side":"%s","type":"%s","qty":"%s",%s"time_in_force":"%s","client_order_id":"%s"}"""
                .formatted(symbol, side, type, qty, limitPrice == null ? "" : "\"limit_price\":\"" + limitPrice + "\",", tif,
                        clientOrderId));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** An Alpaca error: the status, and a body of exactly code and message, without a trace. */
    static void assertAlpacaError(Reply reply, int status, String messagePart) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("code").isInt()).as(reply.body()).isTrue();
        assertThat(reply.json().get("message").asText()).contains(messagePart);
        assertThat(reply.json().size()).as(reply.body()).isEqualTo(2);
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("trace").doesNotContain("at io.ztrade");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/simulator/alpaca" + path))
                .header(SimulatorToken.HEADER, token.value()).header("Accept", "application/json");
    }

    private static Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Reply(response.statusCode(), body, body == null || body.isBlank() ? null : JSON.readTree(body));
    }
}
