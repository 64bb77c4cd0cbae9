package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skysentinel.core.CreditReporting.Region;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionParserTest {

    @Test
    void parsesSeveralRegionsWithSpacesAndATrailingSeparator() {
        List<Region> r =
                OpenSkyProperties.parseRegions(" nyc:40.40,-74.50,41.20,-73.50 ; zrh : 47.0, 8.0, 47.8, 9.0; ");
        assertThat(r)
                .containsExactly(
                        new Region("nyc", 40.40, -74.50, 41.20, -73.50), new Region("zrh", 47.0, 8.0, 47.8, 9.0));
    }

    @Test
    void emptyOrBlankMeansTheWholeWorld() {
        assertThat(RegionParser.parse("")).isEmpty();
        assertThat(RegionParser.parse("   ")).isEmpty();
        assertThat(RegionParser.parse(null)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "nyc 40,-74,41,-73               | must look like name:lamin,lomin,lamax,lomax",
                "nyc:40,-74,41                    | needs 4 numbers",
                "nyc:40,-74,41,-73,5              | needs 4 numbers",
                "nyc:40,west,41,-73               | lomin 'west' is not a number",
                ":40,-74,41,-73                   | region name ''",
                "a b:40,-74,41,-73                | region name 'a b'",
                "nyc:41,-74,40,-73                | lamin 41.0 must be below lamax 40.0",
                "nyc:40,-73,41,-73                | lomin -73.0 must be below lomax -73.0",
                "nyc:40,170,41,-170               | antimeridian",
                "nyc:-91,-74,41,-73               | lamin -91.0 is outside [-90, 90]",
                "nyc:40,-74,41,181                | lomax 181.0 is outside [-180, 180]",
                "nyc:40,-74,41,-73;nyc:1,1,2,2    | 'nyc' is used twice",
                "nyc:NaN,-74,41,-73               | lamin NaN is outside"
            })
    void rejectsBadSpecsWithAMessageThatNamesTheProblem(String spec, String message) {
        assertThatThrownBy(() -> RegionParser.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
