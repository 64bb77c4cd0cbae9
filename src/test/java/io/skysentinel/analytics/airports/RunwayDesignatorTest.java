package io.skysentinel.analytics.airports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunwayDesignatorTest {

    final RunwayDesignator runways = new RunwayDesignator(CatalogAirportIndex.builtIn());

    @Test
    void curatedRunwaysAreChosenByTrackAndCentreLine() {
        // Zurich: landing west on 28 near its threshold; departing south-east from 16.
        assertThat(runways.designate("LSZH", 47.4568, 8.5680, 276)).isEqualTo("28");
        assertThat(runways.designate("LSZH", 47.4700, 8.5400, 155)).isEqualTo("16");
        assertThat(runways.designate("LSZH", 47.4800, 8.5380, 137)).isEqualTo("14");
    }

    @Test
    void parallelRunwaysAreToldApartByPosition() {
        // Frankfurt 25C (north of 25L) vs 25L: both head 250°.
        assertThat(runways.designate("EDDF", 50.0440, 8.5800, 250)).isEqualTo("25C");
        assertThat(runways.designate("EDDF", 50.0390, 8.5800, 250)).isEqualTo("25L");
    }

    @Test
    void aTrackNoCuratedRunwayFitsGivesNoDesignator() {
        assertThat(runways.designate("LSZH", 47.4647, 8.5492, 200)).isNull();
        assertThat(runways.designate("LSZH", 47.4647, 8.5492, Double.NaN)).isNull();
    }

    @Test
    void elsewhereTheDesignatorIsTheTrackInTensOfDegrees() {
        assertThat(runways.designate("KATL", 33.64, -84.43, 268)).isEqualTo("27");
        assertThat(runways.designate("KATL", 33.64, -84.43, 3)).isEqualTo("36");
        assertThat(RunwayDesignator.approximate(44.9)).isEqualTo("04");
    }
}
