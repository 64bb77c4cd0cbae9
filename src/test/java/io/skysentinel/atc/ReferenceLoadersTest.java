package io.skysentinel.atc;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Airport;
import io.skysentinel.core.Geo;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The loaders on real rows of the three files (quoted from them) and on the shipped files as a whole. */
class ReferenceLoadersTest {

    @Test
    void vatSpyRowsSectionsCommentsAndQuirks() {
        String dat = """
                [Countries]
                Australia|YM|Centre
                Afghanistan|OA|
                ;ICAO|Airport Name|Latitude Decimal|Longitude Decimal|IATA/LID|FIR|IsPseudo
                [Airports]
                EGLL|London Heathrow|51.4775|-0.461389|LHR|EGTT|0
                EGHI|Solent|50.950261|-1.356803|SOLENT|EGTT|1
                BROKEN|row
                [FIRs]
                ;ICAO|NAME|CALLSIGN PREFIX|FIR BOUNDARY
                EDGG|Langen||EDGG
                KZNY|New York|NY|KZNY
                [UIRs]
                RU-CEN|Asia-Center|UATT,UACN, UAAA
                [IDL]
                90.0|-180.0
                """;
        VatSpyData d = VatSpyData.parse(new BufferedReader(new StringReader(dat)));
        assertThat(d.countries())
                .containsExactly(
                        new VatSpyData.Country("Australia", "YM", "Centre"),
                        new VatSpyData.Country("Afghanistan", "OA", ""));
        assertThat(d.airports()).hasSize(2);
        assertThat(d.airports().get(0))
                .isEqualTo(new VatSpyData.Airport("EGLL", "London Heathrow", 51.4775, -0.461389, "LHR", "EGTT", false));
        assertThat(d.airports().get(1).pseudo()).isTrue();
        assertThat(d.skippedRows()).isEqualTo(1);
        assertThat(d.firs().get(0).callsignPrefix()).isEqualTo("EDGG"); // empty prefix: the ICAO
        assertThat(d.firs().get(1).callsignPrefix()).isEqualTo("NY");
        assertThat(d.uirs().get(0).firs()).containsExactly("UATT", "UACN", "UAAA");
    }

    @Test
    void boundariesHaveStringPropertiesAndRepeatedIdsAreMerged() {
        String json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"id":"KZNY","oceanic":"0","label_lon":"-73.9","label_lat":"40.9",
                  "region":"AMAS","division":"VATUSA"},
                  "geometry":{"type":"MultiPolygon","coordinates":[[[[-75,40],[-72,40],[-72,42],[-75,42],[-75,40]]]]}},
                 {"type":"Feature","properties":{"id":"KZNY","oceanic":"1","label_lon":"-65","label_lat":"35",
                  "region":"AMAS","division":"VATUSA"},
                  "geometry":{"type":"MultiPolygon","coordinates":[[[[-70,30],[-60,30],[-60,40],[-70,40],[-70,30]]]]}},
                 {"type":"Feature","properties":{"id":"NAT","oceanic":"1","label_lon":"-30","label_lat":"55",
                  "region":null,"division":"VATNAT"},
                  "geometry":{"type":"MultiPolygon","coordinates":[[[[-40,45],[-20,45],[-20,60],[-40,45]]]]}}]}
                """;
        FirBoundaries.Parsed p = FirBoundaries.parse(stream(json));
        assertThat(p.byId()).containsOnlyKeys("KZNY", "NAT");
        FirBoundaries.Boundary ny = p.byId().get("KZNY");
        assertThat(ny.pieces()).isEqualTo(2);
        assertThat(ny.oceanic()).isTrue();
        assertThat(ny.geometry().getNumGeometries()).isEqualTo(2);
        assertThat(ny.labelLat()).isEqualTo(40.9); // the first piece's
        assertThat(p.byId().get("NAT").region()).isNull();
    }

    @Test
    void traconsTakePropertiesIdPrefixArraysSuffixAndPolygons() {
        String json = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","id":0,"properties":{"id":"A90","prefix":["BOS"],"name":"Boston Approach"},
                  "geometry":{"type":"Polygon","coordinates":[[[-71,42],[-70,42],[-70,43],[-71,42]]]}},
                 {"type":"Feature","properties":{"id":"SCT","prefix":["LAX"],"suffix":"DEP","name":"SoCal Departure",
                  "label_lat":33.9,"label_lon":-118.4},
                  "geometry":{"type":"MultiPolygon","coordinates":[[[[-119,33],[-118,33],[-118,34],[-119,33]]]]}},
                 {"type":"Feature","properties":{"prefix":["X"]},"geometry":null}]}
                """;
        Tracons.Parsed p = Tracons.parse(stream(json));
        assertThat(p.skippedFeatures()).isEqualTo(1);
        assertThat(p.sectors()).hasSize(2);
        Tracons.Sector a90 = p.sectors().get(0);
        assertThat(a90.id()).isEqualTo("A90"); // not the Feature-level 0
        assertThat(a90.suffix()).isEqualTo("APP");
        assertThat(a90.labelLat()).isNaN();
        assertThat(a90.geometry().getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(p.sectors().get(1).suffix()).isEqualTo("DEP");
        assertThat(p.sectors().get(1).labelLon()).isEqualTo(-118.4);
    }

    @Test
    void vrsAirportsWithElevationInMetres() throws Exception {
        String csv = """
                Code,Name,ICAO,IATA,Location,CountryISO2,Latitude,Longitude,AltitudeFeet
                KJFK,John F Kennedy International Airport,KJFK,JFK,New York,US,40.639801,-73.778900,13
                AGY,Argyle Downs Airport,,AGY,Argyle Downs,AU,-16.350000,128.750000,289
                KDEN,Denver International Airport,KDEN,DEN,Denver,US,39.861698,-104.672997,5431
                """;
        ReferenceAirports r = ReferenceAirports.parse(new BufferedReader(new StringReader(csv)));
        assertThat(r.size()).isEqualTo(2);
        assertThat(r.skippedRows()).isEqualTo(1); // no ICAO code
        Airport den = r.catalog().find("DEN").orElseThrow();
        assertThat(den.icao()).isEqualTo("KDEN");
        assertThat(den.elevationM()).isEqualTo(5431 * Geo.FEET);
        assertThat(r.catalog()
                        .nearest(40.64, -73.78, 5_000)
                        .orElseThrow()
                        .airport()
                        .icao())
                .isEqualTo("KJFK");
    }

    @Test
    void shippedFilesLoadWhole() {
        ReferenceAirports airports = ReferenceAirports.load();
        assertThat(airports.size()).isEqualTo(34_115); // SOURCES.md §5: 34,128 rows, 34,115 with an ICAO code
        assertThat(airports.skippedRows()).isEqualTo(13);
        assertThat(airports.catalog().find("KBDU").orElseThrow().elevationM()).isBetween(1600.0, 1700.0);
        ReferenceAirports background = ReferenceAirports.loadInBackground();
        assertThat(background.ready().join().size()).isEqualTo(airports.size());
    }

    @Test
    void shippedSectorFilesHaveTheCountsOfSourcesMd() throws Exception {
        try (BufferedReader in = ReferenceFiles.open(ReferenceFiles.VATSPY_DAT)) {
            VatSpyData d = VatSpyData.parse(in);
            assertThat(d.countries()).hasSize(327);
            assertThat(d.airports()).hasSize(17_896);
            assertThat(d.airports().stream().filter(VatSpyData.Airport::pseudo)).hasSize(139);
            assertThat(d.firs()).hasSize(1_450);
            assertThat(d.firs().stream().filter(f -> f.prefix().isEmpty())).hasSize(281);
            assertThat(d.uirs()).hasSize(46);
            assertThat(d.skippedRows()).isZero();
        }
        try (InputStream in = ReferenceFiles.stream(ReferenceFiles.VATSPY_BOUNDARIES)) {
            FirBoundaries.Parsed b = FirBoundaries.parse(in);
            assertThat(b.byId()).hasSize(1_102 - 6); // 6 ids repeat
            assertThat(b.skippedFeatures()).isZero();
            assertThat(b.byId().values().stream()
                            .mapToInt(FirBoundaries.Boundary::pieces)
                            .sum())
                    .isEqualTo(1_102);
        }
        try (InputStream in = ReferenceFiles.stream(ReferenceFiles.SIMAWARE_TRACONS)) {
            Tracons.Parsed t = Tracons.parse(in);
            assertThat(t.sectors()).hasSize(1_281);
            assertThat(t.skippedFeatures()).isZero();
            assertThat(t.sectors().stream().map(Tracons.Sector::id).distinct()).hasSize(1_172);
        }
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
