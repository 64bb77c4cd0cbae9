package io.skysentinel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoundingBoxTest {

    @Test
    void containsItsEdgesAndNothingOutside() {
        BoundingBox nyc = new BoundingBox(40.4, -74.5, 41.2, -73.5);
        assertThat(nyc.contains(40.4, -74.5)).isTrue();
        assertThat(nyc.contains(41.2, -73.5)).isTrue();
        assertThat(nyc.contains(40.8, -73.4)).isFalse();
        assertThat(nyc.contains(41.3, -74.0)).isFalse();
        assertThat(nyc.crossesAntimeridian()).isFalse();
    }

    @Test
    void aBoxWithLominAboveLomaxCrossesTheAntimeridian() {
        BoundingBox pacific = new BoundingBox(-30, 170, -10, -170);
        assertThat(pacific.crossesAntimeridian()).isTrue();
        assertThat(pacific.contains(-17.7, 178.4)).isTrue();
        assertThat(pacific.contains(-13.8, -171.8)).isTrue();
        assertThat(pacific.contains(-15, 150)).isFalse();
        assertThat(pacific.areaSqDeg()).isCloseTo(400, within(1e-9));
    }

    @Test
    void impossibleBoxesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new BoundingBox(95, 0, 96, 1)).hasMessageContaining("latitudes");
        assertThatThrownBy(() -> new BoundingBox(0, -181, 1, 1)).hasMessageContaining("longitudes");
        assertThatThrownBy(() -> new BoundingBox(10, 0, 5, 1)).hasMessageContaining("lamin");
        assertThatThrownBy(() -> new BoundingBox(Double.NaN, 0, 5, 1)).hasMessageContaining("finite");
    }
}
