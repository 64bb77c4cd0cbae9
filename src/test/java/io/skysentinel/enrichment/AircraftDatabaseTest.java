package io.skysentinel.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skysentinel.core.AircraftInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Each database format on small hand-written files, the override order, and what a flight is told. */
class AircraftDatabaseTest {

    static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static InputStream gzip(String s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return new ByteArrayInputStream(out.toByteArray());
    }

    static final String TYPES = """
            ICAO,Manufacturer,Model,Engines,EngineTypeCode,EnginePlacementCode,SpeciesCode,WakeTurbulenceCode,IsActive
            A388,Airbus,A380-800 (old name),4,J,,L,H,0
            A388,Airbus,A-380-800,4,J,,L,H,1
            EC35,Airbus Helicopters,EC135,2,T,,H,L,1
            C172,Cessna,172 Skyhawk,1,P,,L,L,1
            """;

    static final String AIRLINES = """
            Code,Name,ICAO,IATA,PositioningFlightPattern,CharterFlightPattern
            LX,Swiss,SWR,LX,,
            UA,United Airlines,UAL,UA,,
            1B,Abacus International,,1B,,
            """;

    static AircraftDatabase.Builder withTypes() throws IOException {
        AircraftDatabase.Builder b = new AircraftDatabase.Builder();
        AircraftFiles.readTypes(text(TYPES), b);
        AircraftFiles.readAirlines(text(AIRLINES), b);
        return b;
    }

    @Test
    void vrsStandingDataWithItsTypeAndTheCallsignsAirline() throws IOException {
        AircraftDatabase.Builder b = withTypes();
        AircraftFiles.Report r = AircraftFiles.readAircraft(text("""
                        \uFEFFICAO,Registration,ModelICAO,Manufacturer,Model,ManufacturerAndModel,\
                        IsPrivateOperator,Operator,AirlineCode,SerialNumber,YearBuilt
                        4B1803,HB-JNA,B77W,Boeing,777-3DEER,Boeing 777-3DEER,0,Swiss,SWR,44582,2015
                        3C6708,D-AIMH,A388,,,,0,Lufthansa,DLH,,
                        ZZZZZZ,BAD,,,,,,,,,
                        """), b);
        assertThat(r).isEqualTo(new AircraftFiles.Report("vrs", 2, 1));
        AircraftDatabase db = b.build();
        AircraftInfo swiss = db.info("4b1803", "SWR18", null);
        assertThat(swiss.registration()).isEqualTo("HB-JNA");
        assertThat(swiss.type()).isEqualTo("B77W");
        assertThat(swiss.manufacturer()).isEqualTo("Boeing");
        assertThat(swiss.operator()).isEqualTo("Swiss");
        assertThat(swiss.operatorIcao()).isEqualTo("SWR");
        assertThat(swiss.yearBuilt()).isEqualTo(2015);
        assertThat(swiss.airline()).isEqualTo("Swiss");
        assertThat(swiss.wake()).as("B77W is not in this small type table").isNull();

        AircraftInfo a380 = db.info("3C6708", "DLH4KA", null);
        assertThat(a380.model()).as("the active row of the designator").isEqualTo("A-380-800");
        assertThat(a380.manufacturer())
                .as("from the type when the aircraft row has none")
                .isEqualTo("Airbus");
        assertThat(a380.wake()).isEqualTo("H");
        assertThat(a380.engines()).isEqualTo(4);
        assertThat(a380.engineType()).isEqualTo("jet");
        assertThat(a380.species()).isEqualTo("landplane");
        assertThat(a380.airline()).as("DLH is not in the airline table").isNull();
        assertThat(db.size()).isEqualTo(2);
    }

    @Test
    void aVatsimPilotIsToldItsFiledTypeAndAnUnknownAircraftNothing() throws IOException {
        AircraftDatabase db = withTypes().build();
        AircraftInfo heli = db.info(null, "N135EC", "ec35");
        assertThat(heli.type()).isEqualTo("EC35");
        assertThat(heli.species()).isEqualTo("helicopter");
        assertThat(heli.registration()).isNull();
        assertThat(db.info("abcdef", "N12345", null)).isEqualTo(AircraftInfo.UNKNOWN);
        assertThat(db.info("abcdef", "UAL1", null).airline()).isEqualTo("United Airlines");
        assertThat(db.info("abcdef", "UALX", null).airline())
                .as("no flight number: not an airline callsign")
                .isNull();
        assertThat(db.info("nothex", null, null)).isEqualTo(AircraftInfo.UNKNOWN);
    }

    @Test
    void openSkysDatabaseQuotedWithApostrophes() throws IOException {
        AircraftDatabase.Builder b = withTypes();
        AircraftFiles.Report r = AircraftFiles.readAircraft(gzip("""
                        'icao24','timestamp','built','categoryDescription','country','engines',\
                        'firstFlightDate','manufacturerIcao','manufacturerName','model','modes','operator',\
                        'operatorCallsign','operatorIata','operatorIcao','owner','registration',\
                        'serialNumber','typecode'
                        '4b1803','2023-01-01','2015-03-01','','Switzerland','','','BOEING','Boeing',\
                        '777-3DEER','false','Swiss International Air Lines','SWISS','LX','SWR','','HB-JNA',\
                        '44582','B77W'
                        'a00001','','','','United States','','','CESSNA','Cessna','172S','false',\
                        'O''Brien Flying Club','','','','','N1','','C172'
                        """), b);
        assertThat(r.format()).isEqualTo("opensky");
        assertThat(r.rows()).isEqualTo(2);
        AircraftDatabase db = b.build();
        assertThat(db.info("4B1803", null, null).yearBuilt()).isEqualTo(2015);
        assertThat(db.info("4B1803", null, null).operator()).isEqualTo("Swiss International Air Lines");
        AircraftInfo cessna = db.info("a00001", null, null);
        assertThat(cessna.operator()).isEqualTo("O'Brien Flying Club");
        assertThat(cessna.engineType()).isEqualTo("piston");
    }

    @Test
    void flightAwareAndTar1090ImportsOverrideTheShippedRowFieldByField() throws IOException {
        AircraftDatabase.Builder b = withTypes();
        AircraftFiles.readAircraft(text("""
                        ICAO,Registration,ModelICAO,Manufacturer,Model,ManufacturerAndModel,IsPrivateOperator,\
                        Operator,AirlineCode,SerialNumber,YearBuilt
                        4B1803,HB-JNA,B77W,Boeing,777-3DEER,Boeing 777-3DEER,0,Swiss,SWR,44582,2015
                        """), b);
        assertThat(AircraftFiles.readAircraft(text("icao24,r,t,desc\n4B1803,HB-JNB,,\n"), b))
                .isEqualTo(new AircraftFiles.Report("flightaware", 1, 0));
        assertThat(AircraftFiles.readAircraft(
                        gzip("4b1803;HB-JNB;B77W;00;BOEING 777-300ER;2016;Swiss\nabc;x;y\n3c6708;D-AIMH;A388;;;;\n"),
                        b))
                .isEqualTo(new AircraftFiles.Report("tar1090", 2, 1));
        AircraftDatabase db = b.build();
        AircraftInfo i = db.info("4b1803", null, null);
        assertThat(i.registration()).as("the later file's registration").isEqualTo("HB-JNB");
        assertThat(i.operatorIcao()).as("kept: the later files have none").isEqualTo("SWR");
        assertThat(i.yearBuilt()).isEqualTo(2016);
        assertThat(db.info("3c6708", null, null).wake()).isEqualTo("H");
        assertThat(db.size()).isEqualTo(2);
    }

    @Test
    void anUnknownFormatIsAClearError() {
        assertThatThrownBy(() -> AircraftFiles.readAircraft(text("hello,world\n1,2\n"), new AircraftDatabase.Builder()))
                .hasMessageContaining("unknown aircraft database format")
                .hasMessageContaining("hello,world");
    }

    @Test
    void aMillionAddressesAllFound() {
        AircraftDatabase.Builder b = new AircraftDatabase.Builder();
        for (int i = 0; i < 1_000_000; i++)
            b.aircraft(
                    String.format("%06x", i * 16 + 7),
                    "R" + i,
                    i % 2 == 0 ? "A320" : "B738",
                    null,
                    null,
                    null,
                    null,
                    null);
        AircraftDatabase db = b.build();
        assertThat(db.size()).isEqualTo(1_000_000);
        for (int i = 0; i < 1_000_000; i += 997)
            assertThat(db.info(String.format("%06X", i * 16 + 7), null, null).registration())
                    .isEqualTo("R" + i);
        assertThat(db.info(String.format("%06x", 16 * 3), null, null)).isEqualTo(AircraftInfo.UNKNOWN);
    }
}
