package io.skysentinel.atc;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.MultiPolygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * VAT-Spy's {@code Boundaries.geojson}: one MultiPolygon per boundary id. Every property is a string
 * ({@code "oceanic":"0"}, {@code "label_lat":"42.9"}). Ids repeat (KZNY and SUEO once oceanic and once not; CZQM,
 * CZQX, NZOH, ZBAA in two pieces): the pieces of one id are combined into one boundary, oceanic ones included, and
 * the first piece's label point is kept.
 */
public final class FirBoundaries {

    /**
     * @param oceanic whether any of its pieces is oceanic
     * @param region  VATSIM region (EMEA, APAC, AMAS; VATSSA once), or null ({@code NAT})
     * @param pieces  how many features the file has for this id
     */
    public record Boundary(
            String id,
            boolean oceanic,
            double labelLat,
            double labelLon,
            String region,
            String division,
            MultiPolygon geometry,
            int pieces) {}

    /** Boundaries by id, in file order, and how many features were unreadable. */
    public record Parsed(Map<String, Boundary> byId, int skippedFeatures) {}

    private FirBoundaries() {}

    public static Parsed parse(InputStream in) {
        JsonNode root = JsonMapper.shared().readTree(in);
        Map<String, List<JsonNode>> pieces = new LinkedHashMap<>();
        int skipped = 0;
        for (JsonNode f : root.path("features")) {
            String id = text(f.path("properties").get("id"));
            if (id == null) {
                skipped++;
                continue;
            }
            pieces.computeIfAbsent(id, k -> new ArrayList<>()).add(f);
        }
        Map<String, Boundary> byId = new LinkedHashMap<>();
        for (Map.Entry<String, List<JsonNode>> e : pieces.entrySet()) {
            try {
                byId.put(e.getKey(), merge(e.getKey(), e.getValue()));
            } catch (RuntimeException bad) { // a broken geometry: that boundary is unknown, the others load
                skipped += e.getValue().size();
            }
        }
        return new Parsed(byId, skipped);
    }

    private static Boundary merge(String id, List<JsonNode> features) {
        List<MultiPolygon> geometries = new ArrayList<>();
        boolean oceanic = false;
        for (JsonNode f : features) {
            geometries.add(GeoJson.multiPolygon(f.path("geometry")));
            oceanic |= "1".equals(text(f.path("properties").get("oceanic")));
        }
        JsonNode first = features.get(0).path("properties");
        return new Boundary(
                id,
                oceanic,
                GeoJson.number(first.get("label_lat")),
                GeoJson.number(first.get("label_lon")),
                text(first.get("region")),
                text(first.get("division")),
                geometries.size() == 1 ? geometries.get(0) : GeoJson.combine(geometries),
                features.size());
    }

    /** A property's text, or null when absent, JSON null or blank. */
    static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return null;
        String s = n.asString().strip();
        return s.isEmpty() ? null : s;
    }
}
