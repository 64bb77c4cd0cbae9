package io.skysentinel.hub;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.RemovalReason;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.core.Update;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hub that mirrors another hub's stream (the Kafka state topic): upserts and tombstones taken as decided upstream.
 */
class HubStreamTest {

    static final long T = 1_766_888_059L;
    static final long PRODUCED = T * 1000 + 500;
    final HubCore<Aircraft> hub = new HubCore<>(SourceBatch::aircraft, 60_000, 3, 1_000);

    static StreamedChange<Aircraft> up(Aircraft a) {
        return StreamedChange.upsert(a, PRODUCED);
    }

    @Test
    void aRemovalIsAChangeWithItsOwnSequenceNumberAndShowsInChangesSince() {
        hub.applyStream(List.of(
                up(plane("aaa001").seen(T).build()), up(plane("aaa002").seen(T).build())));
        long before = hub.seq();
        ApplyResult<Aircraft> r = hub.applyStream(List.of(StreamedChange.removal("aaa001", PRODUCED)));
        assertThat(r.delta().removals()).containsExactly("aaa001");
        assertThat(hub.seq()).isEqualTo(before + 1);
        assertThat(hub.get("aaa001")).isNull();
        Changes<Aircraft> c = hub.changesSince(before);
        assertThat(c.removals()).containsExactly("aaa001");
        assertThat(c.upserts()).isEmpty();
        assertThat(hub.countBySource()).containsEntry("sim", 1);
    }

    @Test
    void applyingTheSameChangesTwiceChangesNothing() {
        List<StreamedChange<Aircraft>> batch = List.of(
                up(plane("aaa001").seen(T).build()),
                up(plane("aaa002").seen(T).build()),
                StreamedChange.removal("aaa002", PRODUCED),
                StreamedChange.removal("zzz999", PRODUCED));
        hub.applyStream(batch);
        long seq = hub.seq();
        List<Aircraft> picture = hub.entities();
        ApplyResult<Aircraft> again = hub.applyStream(batch);
        // aaa002 comes back and goes again inside the redelivered run: the end picture is the same
        assertThat(hub.entities()).containsExactlyInAnyOrderElementsOf(picture);
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(again.delta().upserts()).extracting(Aircraft::id).containsExactly("aaa002");
        assertThat(hub.changesSince(seq).upserts()).isEmpty();
        assertThat(hub.get("aaa002")).isNull();
    }

    @Test
    void everyChangeOfARunIsAnUpdateInStreamOrder() {
        Aircraft a = plane("aaa001").seen(T).build();
        Aircraft b = plane("aaa001").seen(T + 1).build();
        ApplyResult<Aircraft> r = hub.applyStream(List.of(
                up(a), StreamedChange.removal("aaa001", PRODUCED), up(b), StreamedChange.removal("aaa001", PRODUCED)));
        assertThat(r.delta().updates())
                .extracting(u -> u.getClass().getSimpleName() + " " + u.state().lastContactUnix())
                .containsExactly("Upsert " + T, "Removal " + T, "Upsert " + (T + 1), "Removal " + (T + 1));
        assertThat(r.delta().updates())
                .filteredOn(u -> u instanceof Update.Removal<Aircraft>)
                .allSatisfy(
                        u -> assertThat(((Update.Removal<Aircraft>) u).reason()).isEqualTo(RemovalReason.UPSTREAM));
        assertThat(hub.size()).isZero();
        assertThat(hub.countBySource()).isEmpty();
    }

    @Test
    void nothingIsAgedOutLocallyAndOlderStatesAreIgnored() {
        hub.applyStream(List.of(up(plane("aaa001").at(41, -74).seen(T).build())));
        // a state seen an hour later for another aircraft does not age aaa001 out: staleness is upstream's call
        hub.applyStream(List.of(up(plane("aaa002").seen(T + 3600).build())));
        assertThat(hub.get("aaa001")).isNotNull();
        ApplyResult<Aircraft> late = hub.applyStream(
                List.of(up(plane("aaa001").at(40, -73).seen(T - 5).build())));
        assertThat(late.outOfOrder()).isEqualTo(1);
        assertThat(hub.get("aaa001").position().lat()).isEqualTo(41.0);
    }

    @Test
    void theSizeBoundHoldsAndMovesBetweenSourcesAreCounted() {
        hub.applyStream(List.of(
                up(plane("aaa001").seen(T).build()),
                up(plane("aaa002").seen(T).build()),
                up(plane("aaa003").from("opensky").seen(T).build())));
        ApplyResult<Aircraft> r = hub.applyStream(List.of(
                up(plane("aaa004").seen(T).build()),
                up(plane("aaa001").from("opensky").seen(T + 1).build())));
        assertThat(r.overCapacity()).isEqualTo(1);
        assertThat(hub.countBySource()).containsEntry("sim", 1).containsEntry("opensky", 2);
        assertThat(hub.sourceClocks().get("opensky").observedAtMs()).isEqualTo(PRODUCED);
    }
}
