package io.skysentinel.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AircraftInfo;
import io.skysentinel.core.FlightPlan;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.core.VatsimExtras;
import io.skysentinel.testing.RecordingBus;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bus step before the hub: each state told who it is, VATSIM by its filed type, and the lookups counted. */
class EnrichingFlightBusTest {

    @Test
    void eachStateIsToldWhoItIsOnTheWayIn() throws IOException {
        AircraftDatabase.Builder b = AircraftDatabaseTest.withTypes();
        b.aircraft("4b1803", "HB-JNA", "B77W", "Boeing", null, "Swiss", "SWR", "2015");
        RecordingBus inner = new RecordingBus();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EnrichingFlightBus bus = new EnrichingFlightBus(inner, b.build(), meters);

        Aircraft swiss = Aircraft.adsb("4b1803", "opensky")
                .callsign("SWR18")
                .lastContactUnix(1)
                .build();
        Aircraft stranger =
                Aircraft.adsb("abcdef", "opensky").lastContactUnix(1).build();
        FlightPlan plan = new FlightPlan(
                "I",
                "A388/H-SDE3FGHIJ",
                "A388",
                "EGLL",
                "OMDB",
                null,
                "FL370",
                37_000,
                490,
                "DCT",
                null,
                null,
                null,
                null,
                1);
        Aircraft pilot = Aircraft.builder("vatsim-1234567", "vatsim")
                .callsign("UAE2")
                .lastContactUnix(1)
                .vatsim(new VatsimExtras(1234567, null, 1, null, "X", null, null, null, plan))
                .build();
        bus.publish(SourceBatch.live("opensky", 1000, List.of(swiss, stranger, pilot)));

        List<Aircraft> out = inner.batches().getFirst().aircraft();
        assertThat(out.get(0).aircraft().registration()).isEqualTo("HB-JNA");
        assertThat(out.get(0).aircraft().airline()).isEqualTo("Swiss");
        assertThat(out.get(1).aircraft()).isEqualTo(AircraftInfo.UNKNOWN);
        assertThat(out.get(1)).as("an unknown state is passed on as it was").isSameAs(stranger);
        assertThat(out.get(2).aircraft().type()).isEqualTo("A388");
        assertThat(out.get(2).aircraft().wake()).isEqualTo("H");
        assertThat(meters.counter("skysentinel.enrichment.lookups", "result", "known")
                        .count())
                .isEqualTo(2);
        assertThat(meters.counter("skysentinel.enrichment.lookups", "result", "unknown")
                        .count())
                .isEqualTo(1);
    }
}
