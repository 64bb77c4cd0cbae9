package io.skysentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.statevector.StateVectorParser;
import io.skysentinel.statevector.StatesBody;
import org.junit.jupiter.api.Test;

/** The benchmark's input must be what it claims: every row parses, and retiming moves every timestamp. */
class GlobalSnapshotBodiesTest {

    @Test
    void syntheticBodiesParseCompletelyAndRetimeInPlace() {
        GlobalSnapshotBodies.Body body = GlobalSnapshotBodies.body(500, 1_766_888_059L, 7);
        StateVectorParser parser = new StateVectorParser();
        StatesBody first = parser.parse(body.bytes(), "opensky");
        assertThat(first.aircraft()).hasSize(500);
        assertThat(first.rejectedRows()).isZero();

        body.retime(1_766_888_159L);
        StatesBody later = parser.parse(body.bytes(), "opensky");
        assertThat(later.timeUnix()).isEqualTo(1_766_888_159L);
        for (int i = 0; i < 500; i++) {
            assertThat(later.aircraft().get(i).lastContactUnix()
                            - first.aircraft().get(i).lastContactUnix())
                    .isEqualTo(100);
        }
    }
}
