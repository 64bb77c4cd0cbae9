package io.skysentinel.atc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** The reference files shipped gzip'ed under {@code src/main/resources/reference/} (README.md there). */
final class ReferenceFiles {

    static final String VATSPY_DAT = "VATSpy.dat.gz";
    static final String VATSPY_BOUNDARIES = "Boundaries.geojson.gz";
    static final String SIMAWARE_TRACONS = "TRACONBoundaries.geojson.gz";
    static final String VRS_AIRPORTS = "airports-vrs-standing-data.csv.gz";

    private ReferenceFiles() {}

    /** The decompressed bytes of one shipped file; fails loudly when the jar lacks it (a broken build). */
    static InputStream stream(String name) throws IOException {
        InputStream raw = ReferenceFiles.class.getResourceAsStream("/reference/" + name);
        if (raw == null) throw new IOException("reference file /reference/" + name + " is not on the classpath");
        return new GZIPInputStream(raw, 1 << 16);
    }

    static BufferedReader open(String name) throws IOException {
        return new BufferedReader(new InputStreamReader(stream(name), StandardCharsets.UTF_8), 1 << 16);
    }
}
