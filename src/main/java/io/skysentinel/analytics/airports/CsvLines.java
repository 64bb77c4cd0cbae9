package io.skysentinel.analytics.airports;

import io.skysentinel.core.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads a small bundled CSV (header line, comma-separated, optional double quotes) into rows keyed by column. */
final class CsvLines {

    private CsvLines() {}

    static <T> List<T> read(String resource, Function<Map<String, String>, T> row) {
        InputStream in = CsvLines.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("bundled resource " + resource + " is missing");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = Csv.split(r.readLine());
            List<T> out = new ArrayList<>();
            String line;
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                List<String> cells = Csv.split(line);
                if (cells.size() != header.size())
                    throw new IllegalStateException(
                            resource + " line " + n + ": " + cells.size() + " cells, expected " + header.size());
                Map<String, String> m = new java.util.HashMap<>();
                for (int i = 0; i < header.size(); i++) m.put(header.get(i), cells.get(i));
                try {
                    out.add(row.apply(m));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(resource + " line " + n + ": " + e.getMessage(), e);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
