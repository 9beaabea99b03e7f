package io.ztrade.management.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends one Jolokia request in each form Jolokia accepts, as a given user, over plain HTTP with the raw URI (a
 * Spring RestTemplate would re-encode {@code %65xec}). The security tests of the embedded default and of the
 * production profile share it.
 */
public final class JolokiaProbe {

    /** Every way a request reaches Jolokia's parser. */
    public enum Form {
        GET_PATH, GET_PATH_UPPER_CASE_TYPE, GET_P_PARAMETER, GET_P_PARAMETER_UPPER_CASE, GET_PERCENT_ENCODED_TYPE,
        GET_DOUBLE_ENCODED_TYPE, GET_ENCODED_SLASH, GET_HAWTIO_FORWARD, GET_HAWTIO_FORWARD_P_PARAMETER, POST,
        POST_UPPER_CASE_TYPE, POST_BULK, POST_HAWTIO_FORWARD, POST_BULK_HAWTIO_FORWARD;

        public boolean isGet() {
            return name().startsWith("GET");
        }
    }

    /** What came back; {@code jolokia} is the status of the request under test (in a bulk, its element's). */
    public record Outcome(Form form, int http, int jolokia, String body, HttpHeaders headers, List<Integer> others) {
        /** The request ran: Jolokia answered it with status 200. */
        public boolean ran() {
            return jolokia == 200;
        }

        @Override
        public String toString() {
            return form + " -> HTTP " + http + ", Jolokia " + jolokia + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    public static final String ANONYMOUS = "anonymous";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final Map<String, String> passwords;

    /** {@code base} like {@code http://127.0.0.1:8080}; {@code passwords} by user name. */
    public JolokiaProbe(String base, Map<String, String> passwords) {
        this.base = base;
        this.passwords = passwords;
    }

    public Outcome exec(String user, Form form, String mbean, String operation, Object... arguments) {
        ObjectNode request = JSON.createObjectNode().put("type", "exec").put("mbean", mbean).put("operation", operation);
        ArrayNode args = request.putArray("arguments");
        List<String> path = new ArrayList<>(List.of("exec", mbean, operation));
        for (Object argument : arguments) {
            args.addPOJO(argument);
            path.add(String.valueOf(argument));
        }
        return send(user, form, request, path);
    }

    public Outcome write(String user, Form form, String mbean, String attribute, Object value) {
        ObjectNode request = JSON.createObjectNode().put("type", "write").put("mbean", mbean).put("attribute", attribute);
        request.putPOJO("value", value);
        return send(user, form, request, List.of("write", mbean, attribute, String.valueOf(value)));
    }

    public Outcome read(String user, Form form, String mbean, String attribute) {
        ObjectNode request = JSON.createObjectNode().put("type", "read").put("mbean", mbean);
        List<String> path = new ArrayList<>(List.of("read", mbean));
        if (attribute != null) {
            request.put("attribute", attribute);
            path.add(attribute);
        }
        return send(user, form, request, path);
    }

    /** Any request, as is. */
    public HttpResponse<String> raw(String user, String method, String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (!ANONYMOUS.equals(user)) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + passwords.get(user)).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Jolokia probe " + method + " " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Outcome send(String user, Form form, ObjectNode request, List<String> path) {
        String jolokiaPath = jolokiaPath(path, true);
        // the p parameter is decoded once, as a query parameter, and taken as the path
        String parameterPath = jolokiaPath(path, false);
        HttpResponse<String> response = switch (form) {
            case GET_PATH -> raw(user, "GET", "/actuator/jolokia" + jolokiaPath, null);
            case GET_PATH_UPPER_CASE_TYPE -> raw(user, "GET", "/actuator/jolokia" + upperCaseType(jolokiaPath), null);
            case GET_P_PARAMETER -> raw(user, "GET", "/actuator/jolokia?p=" + query(parameterPath), null);
            case GET_P_PARAMETER_UPPER_CASE -> raw(user, "GET", "/actuator/jolokia/?p=" + query(upperCaseType(parameterPath)), null);
            case GET_PERCENT_ENCODED_TYPE -> raw(user, "GET", "/actuator/jolokia" + encodedType(jolokiaPath, "%"), null);
            case GET_DOUBLE_ENCODED_TYPE -> raw(user, "GET", "/actuator/jolokia" + encodedType(jolokiaPath, "%25"), null);
            case GET_ENCODED_SLASH -> raw(user, "GET", "/actuator/jolokia" + jolokiaPath.replaceFirst("^(/[^/]+)/", "$1%2F"), null);
            case GET_HAWTIO_FORWARD -> raw(user, "GET", "/actuator/hawtio/jolokia" + jolokiaPath, null);
            case GET_HAWTIO_FORWARD_P_PARAMETER -> raw(user, "GET", "/actuator/hawtio/jolokia?p=" + query(parameterPath), null);
            case POST -> raw(user, "POST", "/actuator/jolokia", request.toString());
            case POST_UPPER_CASE_TYPE -> raw(user, "POST", "/actuator/jolokia",
                    request.deepCopy().put("type", request.get("type").asText().toUpperCase(Locale.ROOT)).toString());
            case POST_BULK -> raw(user, "POST", "/actuator/jolokia", bulk(request));
            case POST_HAWTIO_FORWARD -> raw(user, "POST", "/actuator/hawtio/jolokia", request.toString());
            case POST_BULK_HAWTIO_FORWARD -> raw(user, "POST", "/actuator/hawtio/jolokia/", bulk(request));
        };
        return outcome(form, response);
    }

    /** The request under test between two harmless reads. */
    private static String bulk(ObjectNode request) {
        ArrayNode requests = JSON.createArrayNode();
        requests.addObject().put("type", "read").put("mbean", "java.lang:type=Memory").put("attribute", "HeapMemoryUsage");
        requests.add(request);
        requests.addObject().put("type", "version");
        return requests.toString();
    }

    private static Outcome outcome(Form form, HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        int status = response.statusCode();
        List<Integer> others = List.of();
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.isArray() && json.size() == 3) {
                status = json.get(1).path("status").asInt(response.statusCode());
                others = List.of(json.get(0).path("status").asInt(), json.get(2).path("status").asInt());
            } else if (json != null && json.isObject() && json.has("status")) {
                status = json.get("status").asInt();
            } else if (response.statusCode() == 200) {
                status = -1; // not a Jolokia answer
            }
        } catch (IOException notJson) {
            status = response.statusCode() == 200 ? -1 : response.statusCode();
        }
        return new Outcome(form, response.statusCode(), status, body, response.headers(), others);
    }

    /** Jolokia's path syntax: {@code !} escapes itself and a {@code /} inside a part; then URL-encoded. */
    static String jolokiaPath(List<String> parts, boolean urlEncoded) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            String escaped = part.replace("!", "!!").replace("/", "!/");
            path.append('/').append(urlEncoded ? urlPath(escaped) : escaped);
        }
        return path.toString();
    }

    private static String urlPath(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~!*:=,@$/".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String upperCaseType(String path) {
        int end = path.indexOf('/', 1);
        return path.substring(0, end).toUpperCase(Locale.ROOT) + path.substring(end);
    }

    /** {@code /exec/...} as {@code /%65xec/...} (or {@code /%2565xec/...}, encoded twice). */
    private static String encodedType(String path, String percent) {
        return "/" + percent + String.format("%02x", (int) path.charAt(1)) + path.substring(2);
    }
}
