package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skysentinel.core.Airport;
import io.skysentinel.core.CreditReporting.Region;
import io.skysentinel.core.GridAirportCatalog;
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

    private static final GridAirportCatalog ZURICH =
            new GridAirportCatalog(List.of(new Airport("LSZH", "ZRH", "Zurich", 47.4647, 8.5492, 432, "CH", "EU")));

    @Test
    void readsWeightsAndAirportCentredBoxes() {
        List<WeightedRegion> r =
                RegionParser.parse("nyc:40.4,-74.5,41.2,-73.5@3;chi:41.6,-88.3,42.3,-87.5;zrh:LSZH+50km @ 0.5", ZURICH);
        assertThat(r).extracting(WeightedRegion::name).containsExactly("nyc", "chi", "zrh");
        assertThat(r).extracting(WeightedRegion::weight).containsExactly(3.0, 1.0, 0.5);
        assertThat(r.get(0).region()).isEqualTo(new Region("nyc", 40.4, -74.5, 41.2, -73.5));
        Region zrh = r.get(2).region();
        // 50 km is 0.4497 degrees of latitude; a degree of longitude at 47.46 N is cos(47.46) = 0.676 as long
        assertThat(zrh.lamin()).isCloseTo(47.4647 - 0.4497, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(zrh.lamax()).isCloseTo(47.4647 + 0.4497, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(zrh.lomax() - zrh.lomin()).isCloseTo(2 * 0.4497 / 0.6760, org.assertj.core.data.Offset.offset(2e-3));
    }

    @Test
    void theOldFormKeepsWorkingAndIgnoresWeightsWhereOnlyBoxesAreWanted() {
        assertThat(RegionParser.parse("nyc:40,-74,41,-73@2")).containsExactly(new Region("nyc", 40, -74, 41, -73));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "zrh:LSGG+50km          | airport 'LSGG' is not in the airport catalog",
                "zrh:LSZH+0km           | radius 0.0 km must be > 0",
                "nyc:40,-74,41,-73@x    | weight 'x' is not a number",
                "nyc:40,-74,41,-73@0    | weight 0.0 must be a positive number",
                "nyc:40,-74,41,-73@-2   | weight -2.0 must be a positive number"
            })
    void rejectsBadWeightsAndAirports(String spec, String message) {
        assertThatThrownBy(() -> RegionParser.parse(spec, ZURICH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void propertiesWithAnAirportWaitForTheCatalogAndThenPollTheBox() {
        OpenSkyProperties p = new OpenSkyPropertiesBuilder(OpenSkyProperties.defaults())
                .regionsSpec("zrh:LSZH+50km@2")
                .build();
        assertThat(p.regionsPending()).isTrue();
        OpenSkyProperties resolved = p.withAirports(ZURICH);
        assertThat(resolved.regionsPending()).isFalse();
        assertThat(resolved.regions()).extracting(Region::name).containsExactly("zrh");
        assertThat(p.weightedRegions(ZURICH)).extracting(WeightedRegion::weight).containsExactly(2.0);
    }
}
