package io.ztrade.provider;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one HTTP client every provider call goes through, simulator or real: camel-http, with timeouts set
 * once. Each call is a fresh exchange, so no header from a route (CamelHttpUri, ...) leaks into a request.
 * A transport failure or a 5xx becomes {@link ProviderUnavailableException}; any other status is returned
 * for the caller to interpret.
 */
@Component
public class ProviderHttp {

    private final ProducerTemplate template;
    private final String endpoint;
    private final Supplier<String> simulatorBase;
    private final SimulatorToken simulatorToken;

    /** Without the simulator: no call ever carries its token. */
    public ProviderHttp(ProducerTemplate template, long connectTimeoutMs, long responseTimeoutMs) {
        this(template, connectTimeoutMs, responseTimeoutMs, () -> null, null);
    }

    @Autowired
    public ProviderHttp(ProducerTemplate template,
                        HttpProperties timeouts,
                        ProviderEndpoints endpoints, ObjectProvider<SimulatorToken> simulatorToken) {
        this(template, timeouts.connectTimeoutMs(), timeouts.responseTimeoutMs(), endpoints::simulatorBase,
                simulatorToken.getIfAvailable());
    }

    ProviderHttp(ProducerTemplate template, long connectTimeoutMs, long responseTimeoutMs, Supplier<String> simulatorBase,
                 SimulatorToken simulatorToken) {
        this.template = template;
        this.endpoint = "http://provider?throwExceptionOnFailure=false&connectTimeout=" + connectTimeoutMs
                + "&responseTimeout=" + responseTimeoutMs;
        this.simulatorBase = simulatorBase;
        this.simulatorToken = simulatorToken;
    }

    public HttpReply get(String url, Map<String, String> headers) {
        return call("GET", url, headers, null, null);
    }

    public HttpReply post(String url, Map<String, String> headers, String json) {
        return call("POST", url, headers, json, "application/json");
    }

    /** A form post ({@code application/x-www-form-urlencoded}), as OAuth2 token endpoints take it. */
    public HttpReply postForm(String url, Map<String, String> headers, String form) {
        return call("POST", url, headers, form, "application/x-www-form-urlencoded");
    }

    private HttpReply call(String method, String url, Map<String, String> headers, String requestBody, String contentType) {
        String target = targetOf(url);
        Exchange reply = template.send(endpoint, exchange -> {
            Message in = exchange.getIn();
            in.setHeader(Exchange.HTTP_URI, url);
            in.setHeader(Exchange.HTTP_METHOD, method);
            headers.forEach(in::setHeader);
            in.removeHeader(SimulatorToken.HEADER);
            if (toSimulator(url)) {
                in.setHeader(SimulatorToken.HEADER, simulatorToken.value());
            }
            if (requestBody != null) {
                in.setHeader(Exchange.CONTENT_TYPE, contentType);
                in.setBody(requestBody);
            }
        });
        if (reply.getException() != null) {
            throw new ProviderUnavailableException(method + " " + target + " failed: " + reply.getException().getMessage(),
                    reply.getException());
        }
        Message out = reply.getMessage();
        int status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = out.getBody(String.class);
        if (status >= 500) {
            throw new ProviderUnavailableException(method + " " + target + " answered HTTP " + status + ": "
                    + HttpReply.abbreviate(body == null ? "" : body));
        }
        Map<String, String> responseHeaders = new HashMap<>();
        out.getHeaders().forEach((name, value) -> {
            if (value != null && !name.startsWith("Camel")) {
                responseHeaders.put(name.toLowerCase(Locale.ROOT), value.toString());
            }
        });
        return new HttpReply(target, status, body, responseHeaders);
    }

    /** The token goes to the built-in simulator's own base URL only (scheme, host, port and path), never elsewhere. */
    boolean toSimulator(String url) {
        String base = simulatorToken == null ? null : simulatorBase.get();
        return base != null && url.startsWith(base + "/");
    }

    /** Host and path only: a query may carry an API key. */
    static String targetOf(String url) {
        URI uri = URI.create(url);
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath();
    }
}
