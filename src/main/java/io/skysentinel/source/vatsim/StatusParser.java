package io.skysentinel.source.vatsim;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads VATSIM's status.json: only {@code data.v3} (the data feed URLs) matters here. Every other key may be missing
 * (the 2021 form has only {@code data.v3}, {@code user} and {@code metar}). Pure and thread-safe.
 */
final class StatusParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** @throws MalformedFeedException (kind {@code status}) when the body is not JSON or lists no http(s) v3 URL */
    List<URI> v3Urls(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedFeedException("status", "status is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode v3 = root == null ? null : root.path("data").path("v3");
        List<URI> urls = new ArrayList<>();
        if (v3 != null && v3.isArray()) {
            for (JsonNode u : v3) {
                URI uri = u.isString() ? uri(u.stringValue().strip()) : null;
                if (uri != null) urls.add(uri);
            }
        }
        if (urls.isEmpty()) throw new MalformedFeedException("status", "status lists no v3 data URL");
        return List.copyOf(urls);
    }

    private static URI uri(String s) {
        try {
            URI u = URI.create(s);
            boolean http = "http".equals(u.getScheme()) || "https".equals(u.getScheme());
            return http && u.getHost() != null ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
