package io.skysentinel.atc;

import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.AtcLocator;
import io.skysentinel.core.GridAirportCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link AtcLocator} of the shipped reference data (docs/atc.md): a callsign placed at an airport, in a TRACON,
 * FIR or UIR, and the areas by key for {@code GET /api/atc-areas}. The rules are in {@link ReferenceTables}.
 *
 * <p>Reading the files takes 0.1 s on a warm JVM but seconds on a cold one beside the rest of the start, so the
 * application loads them on a thread of their own ({@link #loadInBackground}); the first call waits for them. When
 * they cannot be read (a broken jar) every answer is "unknown", and {@link #ready()} says why.
 */
public final class AtcReference implements AtcLocator {

    private final CompletableFuture<ReferenceTables> tables;
    private final CompletableFuture<AtcReference> ready;

    private AtcReference(CompletableFuture<ReferenceTables> loading) {
        this.tables = loading.exceptionally(e -> empty());
        // from table, not loading: a callback on ready may read the table, which must be complete by then
        this.ready = tables.thenCompose(t -> loading.thenApply(x -> this));
    }

    /** Reads the shipped files now. {@code otherAirports}: airports VAT-Spy lacks (the VRS table). */
    public static AtcReference load(AirportCatalog otherAirports) {
        return new AtcReference(CompletableFuture.completedFuture(read(otherAirports)));
    }

    /** Starts reading the shipped files on a daemon thread and returns at once. */
    public static AtcReference loadInBackground(AirportCatalog otherAirports) {
        CompletableFuture<ReferenceTables> loading = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("atc-reference-load").start(() -> {
            try {
                loading.complete(read(otherAirports));
            } catch (RuntimeException | Error e) {
                loading.completeExceptionally(e);
            }
        });
        return new AtcReference(loading);
    }

    /** Completes when the tables are loaded (exceptionally when they could not be). */
    public CompletableFuture<AtcReference> ready() {
        return ready;
    }

    @Override
    public Location locate(String callsign, int facility, double visualRangeNm) {
        return tables.join().locate(callsign, facility, visualRangeNm);
    }

    /**
     * An area by its key: {@code airport} (any airport of VAT-Spy or the VRS table, by ICAO), {@code fir} (boundary
     * id), {@code uir} (prefix), {@code tracon} (SimAware id); as written, then upper-cased. {@code range} areas are
     * live positions: not here.
     */
    public Optional<AreaShape> area(String kind, String id) {
        return tables.join().area(kind, id);
    }

    /**
     * Every area of a polygon kind: {@code fir} (one per boundary id), {@code uir}, {@code tracon} (one per SimAware
     * id); empty for {@code airport} and {@code range}. What sector density counts over, staffed or not.
     */
    public java.util.Collection<AreaShape> areas(String kind) {
        return tables.join().areas(kind);
    }

    /** How many areas of each kind and callsign keys are loaded, for the start-up log. */
    public String summary() {
        return tables.join().summary();
    }

    private static ReferenceTables read(AirportCatalog otherAirports) {
        try (var dat = ReferenceFiles.open(ReferenceFiles.VATSPY_DAT);
                var boundaries = ReferenceFiles.stream(ReferenceFiles.VATSPY_BOUNDARIES);
                var tracons = ReferenceFiles.stream(ReferenceFiles.SIMAWARE_TRACONS)) {
            return new ReferenceTables(
                    VatSpyData.parse(dat), FirBoundaries.parse(boundaries), Tracons.parse(tracons), otherAirports);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReferenceTables empty() {
        return new ReferenceTables(
                new VatSpyData(List.of(), List.of(), List.of(), List.of(), 0),
                new FirBoundaries.Parsed(Map.of(), 0),
                new Tracons.Parsed(List.of(), 0),
                GridAirportCatalog.empty());
    }
}
