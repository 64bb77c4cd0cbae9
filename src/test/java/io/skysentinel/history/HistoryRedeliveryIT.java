package io.skysentinel.history;

import static io.skysentinel.testing.Fixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Update;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The writer as the Kafka history consumer drives it: a list that failed to write may be dropped (a rebalance) and its
 * records offered again as a new list, or offered again after a crash to a new writer. Either way every position is
 * stored exactly once, against a real embedded PostgreSQL that is stopped for the failure.
 */
class HistoryRedeliveryIT {

    static final int AIRCRAFT = 50;

    TestDatabase db = new TestDatabase();
    HistorySettings settings = TestDatabase.settings(1_000, 10_000, Duration.ofMillis(50));
    long second = System.currentTimeMillis() / 1000 - 20;

    @AfterEach
    void tearDown() {
        db.close();
    }

    HistoryWriter writer() {
        return db.writer(settings, new SimpleMeterRegistry());
    }

    /** Updates as a flights.updates poll decodes them: the same states give equal but not identical lists. */
    List<Update<Aircraft>> updates(long t) {
        List<Update<Aircraft>> out = new ArrayList<>();
        for (int i = 0; i < AIRCRAFT; i++)
            out.add(new Update.Upsert<>(
                    i,
                    plane(String.format("0b%04x", i))
                            .at(46 + i * 0.01, 7)
                            .seen(t)
                            .build()));
        return out;
    }

    @Test
    void aFailedListDroppedAndOfferedAgainAsANewListIsStoredOnce() throws Exception {
        HistoryWriter writer = writer();
        writer.handle(updates(second));
        db.stop();
        assertThatThrownBy(() -> writer.handle(updates(second + 1))).isInstanceOf(Exception.class);
        db.restart();
        List<Update<Aircraft>> again = updates(second + 1); // the same records, read again after the rebalance
        retried(writer, again);
        assertThat(db.count("SELECT count(*) FROM positions")).isEqualTo(2L * AIRCRAFT);
        assertThat(db.count("SELECT count(DISTINCT (id, time)) FROM positions")).isEqualTo(2L * AIRCRAFT);
    }

    /**
     * As the consumer does: the same list again, a second apart, until it is written. The pool's connections died
     * with the server; it checks one before lending it only when it has been idle for half a second.
     */
    static void retried(HistoryWriter writer, List<Update<Aircraft>> list) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                writer.handle(list);
                return;
            } catch (Exception e) {
                if (attempt == 30) throw e;
                Thread.sleep(1_000);
            }
        }
    }

    @Test
    void recordsRedeliveredToAnotherWriterAddNoRow() throws Exception {
        writer().handle(updates(second));
        writer().handle(updates(second)); // a second instance got the partition before the first committed
        assertThat(db.count("SELECT count(*) FROM positions")).isEqualTo(AIRCRAFT);
        assertThat(db.count("SELECT count(*) FROM flights")).isEqualTo(AIRCRAFT);
    }
}
