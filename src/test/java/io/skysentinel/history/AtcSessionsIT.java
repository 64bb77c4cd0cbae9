package io.skysentinel.history;

import static io.skysentinel.testing.VatsimFixtures.position;
import static io.skysentinel.testing.VatsimFixtures.tower;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.RemovalReason;
import io.skysentinel.core.Update;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** ATC sessions through the real writer on embedded PostgreSQL: logon, updates, logoff, names only when stored. */
class AtcSessionsIT {

    /** Two hours ago in epoch seconds, on a whole minute: the controller's logon. */
    static final long LOGON = (System.currentTimeMillis() / 60_000 - 120) * 60;

    static TestDatabase db;
    long seq;

    @BeforeAll
    static void start() {
        db = new TestDatabase();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void clean() {
        db.jdbc.update("DELETE FROM atc_sessions");
    }

    AtcSessionWriter writer(StatementCounter counter, boolean storeNames) {
        return new AtcSessionWriter(new JdbcTemplate(counter.dataSource), 1_000, storeNames, new SimpleMeterRegistry());
    }

    Update<AtcPosition> up(AtcPosition p) {
        return new Update.Upsert<>(++seq, p);
    }

    Update<AtcPosition> left(AtcPosition p) {
        return new Update.Removal<>(++seq, p, RemovalReason.LEFT_FEED);
    }

    AtcSessionQueries.Session only(String callsign) {
        List<AtcSessionQueries.Session> s = new AtcSessionQueries(db.jdbc).sessions(callsign, null, 10);
        assertThat(s).hasSize(1);
        return s.getFirst();
    }

    @Test
    void aSessionRunsFromLogonThroughItsUpdatesToLogoffWhenThePositionLeavesTheFeed() {
        StatementCounter counter = new StatementCounter(db.dataSource);
        AtcSessionWriter w = writer(counter, false);
        w.handle(List.of(up(tower("EDDF_TWR", 1_765_432, LOGON, LOGON + 5, null))));
        AtcSessionQueries.Session s = only("eddf_twr");
        assertThat(s.logonMs()).isEqualTo(LOGON * 1000);
        assertThat(s.lastSeenMs()).isEqualTo((LOGON + 5) * 1000);
        assertThat(s.logoffMs()).as("online").isNull();
        assertThat(s.cid()).isEqualTo(1_765_432);
        assertThat(s.kind()).isEqualTo("controller");
        assertThat(s.facilityId()).isEqualTo(4);
        assertThat(s.facilityShort()).isEqualTo("TWR");
        assertThat(s.ratingShort()).isEqualTo("S3");
        assertThat(s.frequencyMhz()).isEqualTo(119.9);
        assertThat(s.visualRangeNm()).isEqualTo(50);
        assertThat(s.areaKind()).isEqualTo("airport");
        assertThat(s.areaId()).isEqualTo("EDDF");
        assertThat(s.name()).as("names are off by default").isNull();

        // the feed's updates every 15 s, two of them in one batch (folded into one row)
        w.handle(List.of(
                up(tower("EDDF_TWR", 1_765_432, LOGON, LOGON + 20, null)),
                up(tower("EDDF_TWR", 1_765_432, LOGON, LOGON + 35, null))));
        assertThat(only("EDDF_TWR").lastSeenMs()).isEqualTo((LOGON + 35) * 1000);
        assertThat(counter.count("INSERT INTO atc_sessions")).isEqualTo(2);

        w.handle(List.of(left(tower("EDDF_TWR", 1_765_432, LOGON, LOGON + 35, null))));
        s = only("EDDF_TWR");
        assertThat(s.logoffMs()).as("the last update before it left").isEqualTo((LOGON + 35) * 1000);
        assertThat(s.lastSeenMs()).isEqualTo((LOGON + 35) * 1000);

        // the same controller logs on again later: a second session, the first stays closed
        w.handle(List.of(up(tower("EDDF_TWR", 1_765_432, LOGON + 3_600, LOGON + 3_605, null))));
        List<AtcSessionQueries.Session> both = new AtcSessionQueries(db.jdbc).sessions("EDDF_TWR", null, 10);
        assertThat(both)
                .extracting(AtcSessionQueries.Session::logonMs)
                .containsExactly((LOGON + 3_600) * 1000, LOGON * 1000);
        assertThat(both.get(0).logoffMs()).isNull();
        assertThat(both.get(1).logoffMs()).isEqualTo((LOGON + 35) * 1000);
        assertThat(new AtcSessionQueries(db.jdbc).sessions("EDDF_TWR", (LOGON + 3_600) * 1000, 10))
                .extracting(AtcSessionQueries.Session::logonMs)
                .containsExactly(LOGON * 1000);
    }

    @Test
    void anAtisKeepsTheCodeOfItsLastUpdateAndARetriedBatchChangesNothing() {
        AtcSessionWriter w = writer(new StatementCounter(db.dataSource), false);
        AtcPosition a = position("EDDF_ATIS", AtcPosition.ATIS, 1_765_432, LOGON, LOGON + 10, "K", 4, "TWR");
        AtcPosition b = position("EDDF_ATIS", AtcPosition.ATIS, 1_765_432, LOGON, LOGON + 40, "L", 4, "TWR");
        List<Update<AtcPosition>> batch = List.of(up(a), up(b), left(b));
        w.handle(batch);
        w.handle(batch); // the runner offers a batch again after a failure
        AtcSessionQueries.Session s = only("EDDF_ATIS");
        assertThat(s.kind()).isEqualTo("atis");
        assertThat(s.atisCode()).isEqualTo("L");
        assertThat(s.logoffMs()).isEqualTo((LOGON + 40) * 1000);
    }

    @Test
    void aRestartClosesTheSessionsItCannotKnowTheEndOfAndReopensThoseStillOnline() {
        AtcSessionWriter w = writer(new StatementCounter(db.dataSource), false);
        w.handle(List.of(
                up(tower("EDDF_TWR", 1_765_432, LOGON, LOGON + 20, null)),
                up(tower("EGLL_TWR", 1_500_001, LOGON, LOGON + 20, null))));
        AtcSessionWriter restarted = writer(new StatementCounter(db.dataSource), false);
        assertThat(restarted.closeOpen()).isEqualTo(2);
        restarted.handle(List.of(up(tower("EGLL_TWR", 1_500_001, LOGON, LOGON + 50, null))));
        assertThat(only("EDDF_TWR").logoffMs()).isEqualTo((LOGON + 20) * 1000);
        assertThat(only("EGLL_TWR").logoffMs()).as("still online: reopened").isNull();
    }

    @Test
    void controllerNamesAreStoredOnlyWithTheSetting() {
        writer(new StatementCounter(db.dataSource), false)
                .handle(List.of(up(tower("EDDF_TWR", 1_765_432, LOGON, LOGON + 5, null))));
        assertThat(VatsimHistoryIT.rowsContaining(db, "Test Controller")).isEmpty();
        writer(new StatementCounter(db.dataSource), true)
                .handle(List.of(up(tower("EGLL_TWR", 1_500_001, LOGON, LOGON + 5, null))));
        assertThat(only("EGLL_TWR").name()).isEqualTo("Test Controller 1500001");
        assertThat(only("EDDF_TWR").name()).isNull();
        List<String> where = new ArrayList<>(
                VatsimHistoryIT.rowsContaining(db, "Test Controller").keySet());
        assertThat(where).containsExactly("atc_sessions.name");
    }
}
