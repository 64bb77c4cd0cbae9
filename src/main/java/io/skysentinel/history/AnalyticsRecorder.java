package io.skysentinel.history;

import io.skysentinel.core.AnalyticsListener;
import io.skysentinel.core.AnomalyEvent;
import io.skysentinel.core.Movement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores what live analytics detect. The callbacks only enqueue (bounded, drop-oldest): the history writer's thread
 * calls {@link #flush} with each write (and when idle) to write each kind in batches. Re-delivered movements and
 * events are ignored by their unique keys.
 */
public final class AnalyticsRecorder implements AnalyticsListener, AutoCloseable {

    static final String INSERT_MOVEMENT = "INSERT INTO movements (airport, kind, time, id, callsign, runway, source)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    static final String INSERT_EVENT = "INSERT INTO events (kind, time, id, callsign, lat, lon, altitude_m, details)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Logger log = LoggerFactory.getLogger(AnalyticsRecorder.class);

    private final JdbcTemplate jdbc;
    private final int batch;
    private final DropOldestBuffer<Movement> movements;
    private final DropOldestBuffer<AnomalyEvent> events;

    public AnalyticsRecorder(JdbcTemplate jdbc, int capacity, int batch) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.movements = new DropOldestBuffer<>(capacity);
        this.events = new DropOldestBuffer<>(capacity);
    }

    @Override
    public void onMovement(Movement movement) {
        movements.offer(movement);
    }

    @Override
    public void onEvent(AnomalyEvent event) {
        events.offer(event);
    }

    /** Writes what is buffered, in batches of at most {@code batch}; returns rows written. Throws on a DB failure. */
    public long flush() {
        long written = 0;
        for (List<Movement> ms = movements.takeBatch(batch); !ms.isEmpty(); ms = movements.takeBatch(batch)) {
            List<Object[]> args = new ArrayList<>(ms.size());
            for (Movement m : ms)
                args.add(new Object[] {
                    m.airportIcao(),
                    m.kind().name().toLowerCase(Locale.ROOT),
                    new Timestamp(m.timeMs()),
                    m.id(),
                    m.callsign(),
                    m.runway(),
                    m.source()
                });
            jdbc.batchUpdate(INSERT_MOVEMENT, args);
            movements.commit();
            written += ms.size();
        }
        for (List<AnomalyEvent> es = events.takeBatch(batch); !es.isEmpty(); es = events.takeBatch(batch)) {
            List<Object[]> args = new ArrayList<>(es.size());
            for (AnomalyEvent e : es)
                args.add(new Object[] {
                    e.kind(),
                    new Timestamp(e.timeMs()),
                    e.id(),
                    e.callsign(),
                    orNull(e.lat()),
                    orNull(e.lon()),
                    orNull(e.altitudeM()),
                    JSON.writeValueAsString(e.details())
                });
            jdbc.batchUpdate(INSERT_EVENT, args);
            events.commit();
            written += es.size();
        }
        return written;
    }

    private static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    public int buffered() {
        return movements.size() + events.size();
    }

    public long dropped() {
        return movements.dropped() + events.dropped();
    }

    /** A last write of what the detectors reported before shutdown (they stop before this). */
    @Override
    public void close() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("{} movements and events not written at shutdown: {}", buffered(), e.toString());
        }
    }
}
