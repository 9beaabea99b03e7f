package io.ztrade.provider;

import java.util.HashMap;
import java.util.Map;

/**
 * Every call to Alpaca (trading and market data): through the shared {@link AlpacaRateGate}, with the auth headers,
 * over {@link ProviderHttp}. An HTTP 429 closes the gate until Alpaca's reset and fails this call as unavailable,
 * so the run's redelivery tries again once the gate opens. Other statuses are the caller's to interpret.
 */
public class AlpacaClient {

    private final ProviderHttp http;
    private final AlpacaProperties properties;
    private final AlpacaRateGate gate;

    public AlpacaClient(ProviderHttp http, AlpacaProperties properties, AlpacaRateGate gate) {
        this.http = http;
        this.properties = properties;
        this.gate = gate;
    }

    public HttpReply get(String url) {
        gate.acquire(ProviderHttp.targetOf(url));
        return checked(http.get(url, headers()));
    }

    public HttpReply post(String url, String json) {
        gate.acquire(ProviderHttp.targetOf(url));
        return checked(http.post(url, headers(), json));
    }

    private HttpReply checked(HttpReply reply) {
        if (reply.status() == 429) {
            gate.closeUntil(reply.header("X-Ratelimit-Reset"));
            throw new ProviderUnavailableException(reply.target() + " answered HTTP 429: over Alpaca's limit of "
                    + properties.requestsPerMinute() + " requests/min; all Alpaca calls wait until X-Ratelimit-Reset "
                    + reply.header("X-Ratelimit-Reset"));
        }
        return reply;
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "application/json");
        if (properties.hasKeys()) {
            headers.put("APCA-API-KEY-ID", properties.apiKey());
            headers.put("APCA-API-SECRET-KEY", properties.secretKey());
        }
        return headers;
    }
}
