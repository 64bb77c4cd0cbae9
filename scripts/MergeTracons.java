// Merges SimAware's per-sector files (Boundaries/<folder>/<file>.json) into one TRACONBoundaries.geojson, as the
// project's scripts/bin/compile.ts does for its release: the same wrapper, the features in strcmp-sorted directory
// order. Each file is minified by deleting whitespace outside strings only, so every number and string token is kept
// as written (compile.ts re-serialises with JSON.stringify instead; parsed, the two are equal).
// Single-file program, no dependencies: java scripts/MergeTracons.java BOUNDARIES_DIR OUT_FILE
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

public class MergeTracons {

    static final String HEAD = "{\"type\":\"FeatureCollection\","
            + "\"$schema\":\"https://raw.githubusercontent.com/vatsimnetwork/simaware-tracon-project/refs/heads/main/"
            + "schema.json\",\"name\":\"fix\","
            + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:OGC:1.3:CRS84\"}},\"features\":[";

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java MergeTracons.java BOUNDARIES_DIR OUT_FILE");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        collect(Path.of(args[0]), files);
        StringBuilder out = new StringBuilder(2_000_000).append(HEAD);
        for (int i = 0; i < files.size(); i++) {
            String feature = minify(Files.readString(files.get(i), StandardCharsets.UTF_8).replace("\uFEFF", ""));
            if (!feature.startsWith("{\"type\":\"Feature\"") && !feature.contains("\"type\":\"Feature\""))
                throw new IOException(files.get(i) + " is not a GeoJSON Feature");
            out.append(i == 0 ? "" : ",").append(feature);
        }
        out.append("]}");
        Files.writeString(Path.of(args[1]), out, StandardCharsets.UTF_8);
        System.out.println("merged " + files.size() + " sector files into " + args[1]);
    }

    /** Depth first, each directory's entries in strcmp order, as compile.ts's traverseDir sees them. */
    static void collect(Path dir, List<Path> files) throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
        for (Path p : entries) {
            if (Files.isDirectory(p)) {
                if (!p.getFileName().toString().equalsIgnoreCase("node_modules")) collect(p, files);
            } else if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                files.add(p);
            }
        }
    }

    /** JSON text without the whitespace between tokens; strings (with their escapes) untouched. */
    static String minify(String json) {
        StringBuilder b = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                b.append(c);
                if (c == '\\') b.append(json.charAt(++i));
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
                b.append(c);
            } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
