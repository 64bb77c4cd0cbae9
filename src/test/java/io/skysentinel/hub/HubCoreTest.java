package io.skysentinel.hub;

import static io.skysentinel.testing.Fixtures.batch;
import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.RemovalReason;
import io.skysentinel.core.SourceBatch;
import io.skysentinel.core.Update;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubCoreTest {

    static final long T = 1_766_888_059L; // a real OpenSky `time`, seconds
    final HubCore<Aircraft> hub = new HubCore<>(SourceBatch::aircraft, 60_000, 1_000, 1_000);

    ApplyResult<Aircraft> apply(SourceBatch b) {
        return hub.apply(b, b.observedAtMs());
    }

    @Test
    void everyChangeGetsItsOwnRisingSequenceNumber() {
        Delta<Aircraft> d1 = apply(batch(
                        "sim",
                        T,
                        plane("aaa001").seen(T).build(),
                        plane("aaa002").seen(T).build()))
                .delta();
        assertThat(d1.fromSeq()).isZero();
        assertThat(d1.toSeq()).isEqualTo(2);

        Delta<Aircraft> d2 = apply(batch(
                        "sim",
                        T + 5,
                        plane("aaa001").at(40.7, -73.9).seen(T + 5).build()))
                .delta();
        assertThat(d2.fromSeq()).isEqualTo(2);
        assertThat(d2.toSeq()).isEqualTo(3);
        assertThat(d2.upserts()).extracting(Aircraft::id).containsExactly("aaa001");
        assertThat(hub.seq()).isEqualTo(3);
    }

    @Test
    void identicalStateIsNotAChange() {
        Aircraft a = plane("aaa001").seen(T).build();
        apply(batch("sim", T, a));
        ApplyResult<Aircraft> again = apply(batch("sim", T, a));
        assertThat(again.delta().isEmpty()).isTrue();
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(hub.seq()).isEqualTo(1);
    }

    @Test
    void olderStateThanTheOneHeldIsIgnored() {
        apply(batch("sim", T + 10, plane("aaa001").at(41.0, -74.0).seen(T + 10).build()));
        ApplyResult<Aircraft> late = apply(
                batch("sim", T + 10, plane("aaa001").at(40.0, -73.0).seen(T + 2).build()));
        assertThat(late.outOfOrder()).isEqualTo(1);
        assertThat(hub.get("aaa001").position().lat()).isEqualTo(41.0);
    }

    @Test
    void aMissedResponseRemovesNothingButSixtySecondsWithoutContactDoes() {
        apply(batch(
                "opensky",
                T,
                plane("aaa001").from("opensky").seen(T).build(),
                plane("aaa002").from("opensky").seen(T).build()));
        // aaa002 is missing from the next responses, but only 30 s have passed.
        apply(batch(
                "opensky", T + 30, plane("aaa001").from("opensky").seen(T + 30).build()));
        assertThat(hub.get("aaa002")).isNotNull();

        // 61 s after its last contact it goes, with its own sequence number.
        Delta<Aircraft> d = apply(batch(
                        "opensky",
                        T + 61,
                        plane("aaa001").from("opensky").seen(T + 61).build()))
                .delta();
        assertThat(d.removals()).containsExactly("aaa002");
        assertThat(d.toSeq()).isEqualTo(d.fromSeq() + 2); // one upsert, one removal
        assertThat(hub.get("aaa002")).isNull();
        assertThat(hub.staleEvictions()).isEqualTo(1);
    }

    @Test
    void exactlyAtTheThresholdAnAircraftStays() {
        apply(batch("sim", T, plane("aaa001").seen(T).build()));
        apply(batch("sim", T + 60, plane("aaa002").seen(T + 60).build()));
        assertThat(hub.get("aaa001")).isNotNull();
    }

    @Test
    void whenASourceGoesSilentItsLastPictureStays() {
        apply(batch("opensky", T, plane("aaa001").from("opensky").seen(T).build()));
        // Another source keeps delivering for ten minutes; opensky is rate-limited and says nothing.
        for (int s = 10; s <= 600; s += 10)
            apply(batch("sim", T + s, plane("bbb001").seen(T + s).build()));
        assertThat(hub.get("aaa001"))
                .as("opensky's picture is kept, to be served stale")
                .isNotNull();
    }

    @Test
    void replayedDataAgesByTheRecordingsClockNotTheWallClock() {
        long recorded = 1_615_141_830L; // 2021: years before the wall clock below
        long wallNow = System.currentTimeMillis();
        SourceBatch old = SourceBatch.replayed(
                "replay",
                recorded * 1000,
                wallNow - recorded * 1000,
                List.of(plane("aaa001").from("replay").seen(recorded).build()));
        hub.apply(old, wallNow);
        assertThat(hub.get("aaa001")).as("a year-old recording plays back").isNotNull();
        assertThat(hub.sourceClocks().get("replay").ageMs(wallNow)).isZero();
    }

    @Test
    void statesAlreadyStaleOnArrivalAreNotApplied() {
        ApplyResult<Aircraft> r =
                apply(batch("sim", T, plane("aaa001").seen(T - 61).build()));
        assertThat(r.staleOnArrival()).isEqualTo(1);
        assertThat(hub.size()).isZero();
    }

    @Test
    void changesSinceRebuildsThePictureExactly() {
        apply(batch(
                "sim",
                T,
                plane("aaa001").seen(T).build(),
                plane("aaa002").seen(T).build(),
                plane("aaa003").seen(T).build()));
        Map<String, Aircraft> client = new HashMap<>();
        long clientSeq = replay(hub.changesSince(0), client);

        apply(batch(
                "sim",
                T + 30,
                plane("aaa001").at(40.9, -74.1).seen(T + 30).build(),
                plane("aaa003").seen(T + 30).build()));
        apply(batch(
                "sim",
                T + 61,
                plane("aaa001").at(41.0, -74.2).seen(T + 61).build(),
                plane("aaa003").seen(T + 61).build(),
                plane("aaa004").seen(T + 61).build()));

        Changes<Aircraft> c = hub.changesSince(clientSeq);
        assertThat(c.resync()).isFalse();
        assertThat(c.removals()).containsExactly("aaa002");
        assertThat(c.upserts()).extracting(Aircraft::id).containsExactlyInAnyOrder("aaa001", "aaa003", "aaa004");
        replay(c, client);
        assertThat(client.values()).containsExactlyInAnyOrderElementsOf(hub.entities());
    }

    @Test
    void anAircraftRemovedAndBackSinceNIsAnUpsertNotARemoval() {
        apply(batch("sim", T, plane("aaa001").seen(T).build()));
        long n = hub.seq();
        apply(batch("sim", T + 61, plane("aaa002").seen(T + 61).build())); // aaa001 goes stale
        apply(batch("sim", T + 62, plane("aaa001").seen(T + 62).build())); // and comes back
        Changes<Aircraft> c = hub.changesSince(n);
        assertThat(c.removals()).isEmpty();
        assertThat(c.upserts()).extracting(Aircraft::id).containsExactlyInAnyOrder("aaa001", "aaa002");
    }

    @Test
    void aClientBehindTheBoundedRemovalLogMustResync() {
        HubCore<Aircraft> small = new HubCore<>(SourceBatch::aircraft, 60_000, 1_000, 2);
        List<Aircraft> fleet = new ArrayList<>();
        for (int i = 0; i < 5; i++)
            fleet.add(plane(String.format("aaa%03d", i)).seen(T).build());
        small.apply(SourceBatch.live("sim", T * 1000, fleet), 0);
        long n = small.seq();
        small.apply(batch("sim", T + 61, plane("bbb001").seen(T + 61).build()), 0); // 5 removals, log keeps 2
        Changes<Aircraft> c = small.changesSince(n);
        assertThat(c.resync()).isTrue();
        assertThat(c.upserts()).extracting(Aircraft::id).containsExactly("bbb001");
        assertThat(small.removalLogTrimmed()).isEqualTo(3);
    }

    @Test
    void aSequenceFromTheFutureMeansAnotherHubLifetimeAndResyncs() {
        apply(batch("sim", T, plane("aaa001").seen(T).build()));
        assertThat(hub.changesSince(99).resync()).isTrue();
    }

    @Test
    void newAircraftBeyondTheBoundAreRefusedAndCounted() {
        HubCore<Aircraft> tiny = new HubCore<>(SourceBatch::aircraft, 60_000, 2, 10);
        ApplyResult<Aircraft> r = tiny.apply(
                batch(
                        "sim",
                        T,
                        plane("aaa001").seen(T).build(),
                        plane("aaa002").seen(T).build(),
                        plane("aaa003").seen(T).build()),
                0);
        assertThat(r.overCapacity()).isEqualTo(1);
        assertThat(tiny.size()).isEqualTo(2);
        // An aircraft already held is still updated at the bound.
        ApplyResult<Aircraft> update = tiny.apply(
                batch("sim", T + 1, plane("aaa001").at(41, -74).seen(T + 1).build()), 0);
        assertThat(update.delta().upserts()).hasSize(1);
    }

    @Test
    void countsPerSourceFollowMovesBetweenSources() {
        apply(batch(
                "sim",
                T,
                plane("aaa001").seen(T).build(),
                plane("aaa002").seen(T).build()));
        apply(batch(
                "opensky", T + 1, plane("aaa001").from("opensky").seen(T + 1).build()));
        assertThat(hub.countBySource()).containsEntry("sim", 1).containsEntry("opensky", 1);
    }

    @Test
    void aCompleteBatchRemovesWhatItNoLongerListsAtOnceAsLeftTheFeed() {
        Aircraft pilot1 = Aircraft.builder("vatsim-1000001", "vatsim")
                .position(47, 8)
                .lastContactUnix(T)
                .build();
        Aircraft pilot2 = Aircraft.builder("vatsim-1000002", "vatsim")
                .position(48, 9)
                .lastContactUnix(T)
                .build();
        apply(SourceBatch.network("vatsim", T * 1000, List.of(pilot1, pilot2), List.of()));
        apply(batch("sim", T, plane("aaa001").seen(T).build()));
        // 15 s later pilot 2 is gone from the full feed: removed now, not 60 s later; another source is untouched
        Aircraft pilot1b =
                pilot1.toBuilder().position(47.01, 8).lastContactUnix(T + 15).build();
        ApplyResult<Aircraft> r = apply(SourceBatch.network("vatsim", (T + 15) * 1000, List.of(pilot1b), List.of()));
        assertThat(r.delta().updates()).hasSize(2);
        assertThat(r.delta().updates().get(0)).isInstanceOf(Update.Upsert.class);
        Update.Removal<Aircraft> gone =
                (Update.Removal<Aircraft>) r.delta().updates().get(1);
        assertThat(gone.id()).isEqualTo("vatsim-1000002");
        assertThat(gone.reason()).isEqualTo(RemovalReason.LEFT_FEED);
        assertThat(gone.state()).as("the last state held").isEqualTo(pilot2);
        assertThat(hub.get("aaa001")).isNotNull();
        assertThat(hub.staleEvictions()).isZero();
    }

    @Test
    void aPartialBatchNeverRemovesWhatItDoesNotListAndStaleRemovalsSayWhy() {
        apply(batch(
                "opensky",
                T,
                plane("aaa001").from("opensky").seen(T).build(),
                plane("aaa002").from("opensky").seen(T).build()));
        ApplyResult<Aircraft> missed = apply(batch(
                "opensky", T + 10, plane("aaa001").from("opensky").seen(T + 10).build()));
        assertThat(missed.delta().removals()).isEmpty();
        ApplyResult<Aircraft> later = apply(batch(
                "opensky", T + 61, plane("aaa001").from("opensky").seen(T + 61).build()));
        assertThat(later.delta().updates())
                .filteredOn(u -> u instanceof Update.Removal<Aircraft>)
                .singleElement()
                .satisfies(u -> {
                    assertThat(u.id()).isEqualTo("aaa002");
                    assertThat(((Update.Removal<Aircraft>) u).reason()).isEqualTo(RemovalReason.STALE);
                });
    }

    @Test
    void theUpdatesOfAnApplyCarryItsSequenceNumbersInOrder() {
        ApplyResult<Aircraft> r = apply(batch(
                "sim",
                T,
                plane("aaa001").seen(T).build(),
                plane("aaa002").seen(T).build(),
                plane("aaa003").seen(T).build()));
        assertThat(r.delta().updates()).extracting(Update::seq).containsExactly(1L, 2L, 3L);
        assertThat(r.delta().updates()).extracting(Update::id).containsExactly("aaa001", "aaa002", "aaa003");
    }

    private static long replay(Changes<Aircraft> c, Map<String, Aircraft> client) {
        if (c.resync()) client.clear();
        c.removals().forEach(client::remove);
        c.upserts().forEach(a -> client.put(a.id(), a));
        return c.seq();
    }
}
