package io.ztrade.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/**
 * One HTTP answer from a provider.
 *
 * @param target  provider and path, never the query (it may hold a key)
 * @param headers response headers, names in lower case
 */
public record HttpReply(String target, int status, String body, Map<String, String> headers) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The body as JSON; an HTML error page or a truncated body is bad data, named as such. */
    public JsonNode json(ObjectMapper mapper) {
        if (body == null || body.isBlank()) {
            throw new ProviderDataException(target + " answered HTTP " + status + " with an empty body");
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new ProviderDataException(target + " answered HTTP " + status + " with a body that is not JSON: "
                    + abbreviate(body), e);
        }
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** One line of at most 120 characters, so an HTML error page does not flood a log line or a run record. */
    public static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "...";
    }
}
