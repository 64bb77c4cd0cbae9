package io.skysentinel.atc;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.MultiPolygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SimAware's {@code TRACONBoundaries.geojson}: one feature per sector file. The TRACON's key is
 * {@code properties.id} (11 features also carry a Feature-level {@code "id": 0}, which is ignored); ids repeat, one
 * feature per prefix or sector (N90 has six). {@code prefix} is always an array; {@code suffix} is optional (none
 * means APP); {@code label_lat}/{@code label_lon} are optional numbers. Polygon and MultiPolygon both occur.
 */
public final class Tracons {

    /**
     * One sector feature.
     *
     * @param suffix   the callsign suffix it serves: {@code APP} (also when the file has none), {@code DEP},
     *                 {@code TWR}, {@code H_APP}, …
     * @param labelLat NaN when the file has none
     */
    public record Sector(
            String id,
            List<String> prefixes,
            String suffix,
            String name,
            double labelLat,
            double labelLon,
            MultiPolygon geometry) {}

    public record Parsed(List<Sector> sectors, int skippedFeatures) {}

    private Tracons() {}

    public static Parsed parse(InputStream in) {
        JsonNode root = JsonMapper.shared().readTree(in);
        List<Sector> sectors = new ArrayList<>();
        int skipped = 0;
        for (JsonNode f : root.path("features")) {
            try {
                sectors.add(sector(f));
            } catch (RuntimeException bad) { // no id, no prefix or a broken geometry: that sector only
                skipped++;
            }
        }
        return new Parsed(sectors, skipped);
    }

    private static Sector sector(JsonNode f) {
        JsonNode p = f.path("properties");
        String id = FirBoundaries.text(p.get("id"));
        if (id == null) throw new IllegalArgumentException("no id");
        List<String> prefixes = new ArrayList<>();
        for (JsonNode x : p.path("prefix")) {
            String s = FirBoundaries.text(x);
            if (s != null) prefixes.add(s);
        }
        if (prefixes.isEmpty()) throw new IllegalArgumentException("no prefix");
        String suffix = FirBoundaries.text(p.get("suffix"));
        return new Sector(
                id,
                List.copyOf(prefixes),
                suffix == null ? "APP" : suffix,
                FirBoundaries.text(p.get("name")),
                GeoJson.number(p.get("label_lat")),
                GeoJson.number(p.get("label_lon")),
                GeoJson.multiPolygon(f.path("geometry")));
    }
}
