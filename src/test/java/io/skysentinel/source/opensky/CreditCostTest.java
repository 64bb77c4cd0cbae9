package io.skysentinel.source.opensky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skysentinel.core.CreditReporting.Region;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditCostTest {

    @ParameterizedTest(name = "{0} sq deg costs {1}")
    @CsvSource({
        "0, 1",
        "0.8, 1",
        "24.999, 1",
        "25, 1",
        "25.0001, 2",
        "99.99, 2",
        "100, 2",
        "100.0001, 3",
        "399.9, 3",
        "400, 3",
        "400.0001, 4",
        "64800, 4"
    })
    void areaTableIncludingItsBoundaries(double area, int credits) {
        assertThat(CreditCost.forArea(area)).isEqualTo(credits);
    }

    @Test
    void boxesOfExactlyTheBoundaryAreasCostTheCheaperRow() {
        assertThat(CreditCost.forRegion(new Region("a", 0, 0, 5, 5))).isEqualTo(1); // 25
        assertThat(CreditCost.forRegion(new Region("b", 0, 0, 10, 10))).isEqualTo(2); // 100
        assertThat(CreditCost.forRegion(new Region("c", 0, 0, 20, 20))).isEqualTo(3); // 400
        assertThat(CreditCost.forRegion(new Region("d", 0, 0, 20, 20.5))).isEqualTo(4); // 410
    }

    @Test
    void theDefaultNycBoxCostsOneCredit() {
        assertThat(OpenSkyProperties.NYC.areaSqDeg()).isCloseTo(0.8, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(CreditCost.forRegion(OpenSkyProperties.NYC)).isEqualTo(1);
    }

    @Test
    void noBoxMeansTheWholeWorldAndCostsFour() {
        assertThat(CreditCost.forRegion(null)).isEqualTo(4);
        assertThat(CreditCost.forCycle(List.of())).isEqualTo(4);
    }

    @Test
    void aCycleCostsTheSumOfItsRegions() {
        List<Region> regions = List.of(
                new Region("a", 0, 0, 1, 1), new Region("b", 0, 0, 10, 10), new Region("c", -60, -100, 60, 100));
        assertThat(CreditCost.forCycle(regions)).isEqualTo(1 + 2 + 4);
    }

    @Test
    void negativeOrNaNAreasAreRejected() {
        assertThatThrownBy(() -> CreditCost.forArea(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditCost.forArea(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
