package io.skysentinel.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class OurAirportsCsvTest {

    @Test
    void aFileWithoutTheExpectedColumnsIsRefused() {
        assertThatThrownBy(() -> OurAirportsCsv.read(new BufferedReader(new StringReader("a,b,c\n1,2,3\n"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ident");
    }

    @Test
    void identIsTheKeyWhenThereIsNoIcaoCodeButOnlyIfItLooksLikeOne() throws IOException {
        String csv = """
                id,ident,type,name,latitude_deg,longitude_deg,elevation_ft,continent,iso_country,iso_region,\
                municipality,scheduled_service,icao_code,iata_code,gps_code,local_code,home_link,wikipedia_link,keywords
                1,EDDF,large_airport,Frankfurt,50.03,8.57,,EU,DE,DE-HE,Frankfurt,yes,,FRA,EDDF,,,,
                2,US-123,small_airport,Strip,40.0,-100.0,1000,NA,US,US-NE,,no,,,,,,,
                """;
        OurAirportsCsv.Result r = OurAirportsCsv.read(new BufferedReader(new StringReader(csv)));
        assertThat(r.airports()).singleElement().satisfies(a -> {
            assertThat(a.icao()).isEqualTo("EDDF");
            assertThat(a.iata()).isEqualTo("FRA");
            assertThat(a.elevationM()).isNaN();
        });
        assertThat(r.skipped()).isEqualTo(1);
    }

    @Test
    void aQuotedNameWithACommaStaysOneCell() throws IOException {
        String csv = """
                ident,type,name,latitude_deg,longitude_deg,continent,iso_country,icao_code
                KDCA,large_airport,"Ronald Reagan Washington National Airport, ""DCA""\",38.85,-77.04,NA,US,KDCA
                """;
        OurAirportsCsv.Result r = OurAirportsCsv.read(new BufferedReader(new StringReader(csv)));
        assertThat(r.airports()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Ronald Reagan Washington National Airport, \"DCA\"");
            assertThat(a.lat()).isEqualTo(38.85);
            assertThat(a.country()).isEqualTo("US");
        });
    }
}
