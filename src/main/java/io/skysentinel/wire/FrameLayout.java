package io.skysentinel.wire;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AtcPosition;
import java.util.Collection;
import java.util.function.BiConsumer;

/**
 * The push frames (field tables in docs/websocket.md) and playback's progress frame (docs/history.md#playback), for
 * both formats. Keys are snake_case and always present; absent values are null. Aircraft objects come from
 * {@link AircraftLayout}, ATC position objects (the /ws/atc frames) from {@link AtcLayout}.
 */
final class FrameLayout {

    private static final WireName TYPE = WireName.of("type");
    private static final WireName SEQ = WireName.of("seq");
    private static final WireName HUB_SEQ = WireName.of("hub_seq");
    private static final WireName TIME = WireName.of("time");
    private static final WireName AIRCRAFT = WireName.of("aircraft");
    private static final WireName POSITIONS = WireName.of("positions");
    private static final WireName UPSERTS = WireName.of("upserts");
    private static final WireName REMOVALS = WireName.of("removals");
    private static final WireName VIEW_AIRCRAFT = WireName.of("view_aircraft");
    private static final WireName DATA_AGE_S = WireName.of("data_age_s");
    private static final WireName STALE = WireName.of("stale");
    private static final WireName RATE_LIMIT = WireName.of("rate_limit");
    private static final WireName AUTH_MODE = WireName.of("auth_mode");
    private static final WireName REMAINING = WireName.of("remaining");
    private static final WireName MAX = WireName.of("max");
    private static final WireName PER_REQUEST = WireName.of("per_request");
    private static final WireName POLL_INTERVAL_S = WireName.of("poll_interval_s");
    private static final WireName RETRY_AFTER_S = WireName.of("retry_after_s");
    private static final WireName REFILL_AT = WireName.of("refill_at");
    private static final WireName MESSAGE = WireName.of("message");
    private static final WireName AT = WireName.of("at");
    private static final WireName FROM = WireName.of("from");
    private static final WireName TO = WireName.of("to");
    private static final WireName SPEED = WireName.of("speed");
    private static final WireName STATE = WireName.of("state");
    private static final WireName PLAYING = WireName.of("playing");
    private static final WireName FINISHED = WireName.of("finished");

    private static final WireName SNAPSHOT = WireName.of("snapshot");
    private static final WireName DELTA = WireName.of("delta");
    private static final WireName STATUS = WireName.of("status");
    private static final WireName ERROR = WireName.of("error");
    private static final WireName PLAYBACK = WireName.of("playback");

    private FrameLayout() {}

    static void snapshot(StructWriter w, long seq, long hubSeq, long timeMs, Collection<Aircraft> aircraft) {
        snapshot(w, seq, hubSeq, timeMs, AIRCRAFT, aircraft, AircraftLayout::writeArray);
    }

    static void delta(
            StructWriter w,
            long seq,
            long hubSeq,
            long timeMs,
            Collection<Aircraft> upserts,
            Collection<String> removals) {
        delta(w, seq, hubSeq, timeMs, upserts, removals, AircraftLayout::writeArray);
    }

    /** The /ws/atc snapshot: the aircraft snapshot's keys with {@code positions} for {@code aircraft}. */
    static void atcSnapshot(StructWriter w, long seq, long hubSeq, long timeMs, Collection<AtcPosition> positions) {
        snapshot(w, seq, hubSeq, timeMs, POSITIONS, positions, AtcLayout::writeArray);
    }

    static void atcDelta(
            StructWriter w,
            long seq,
            long hubSeq,
            long timeMs,
            Collection<AtcPosition> upserts,
            Collection<String> removals) {
        delta(w, seq, hubSeq, timeMs, upserts, removals, AtcLayout::writeArray);
    }

    private static <E> void snapshot(
            StructWriter w,
            long seq,
            long hubSeq,
            long timeMs,
            WireName key,
            Collection<E> entities,
            BiConsumer<StructWriter, Collection<E>> array) {
        w.beginObject(5);
        sequenced(w, SNAPSHOT, seq, hubSeq, timeMs);
        w.key(key);
        array.accept(w, entities);
        w.endObject();
    }

    private static <E> void delta(
            StructWriter w,
            long seq,
            long hubSeq,
            long timeMs,
            Collection<E> upserts,
            Collection<String> removals,
            BiConsumer<StructWriter, Collection<E>> array) {
        w.beginObject(6);
        sequenced(w, DELTA, seq, hubSeq, timeMs);
        w.key(UPSERTS);
        array.accept(w, upserts);
        w.key(REMOVALS);
        w.beginArray(removals.size());
        for (String id : removals) w.string(id);
        w.endArray();
        w.endObject();
    }

    static void status(StructWriter w, StatusFrame s) {
        w.beginObject(7);
        w.key(TYPE);
        w.string(STATUS);
        w.key(TIME);
        w.number(s.timeMs());
        w.key(AIRCRAFT);
        w.number(s.aircraft());
        w.key(VIEW_AIRCRAFT);
        w.number(s.viewAircraft());
        w.key(DATA_AGE_S);
        w.numberOrNull(s.dataAgeS());
        w.key(STALE);
        w.bool(s.stale());
        w.key(RATE_LIMIT);
        rateLimit(w, s.rateLimit());
        w.endObject();
    }

    static void error(StructWriter w, long timeMs, String message) {
        w.beginObject(3);
        w.key(TYPE);
        w.string(ERROR);
        w.key(TIME);
        w.number(timeMs);
        w.key(MESSAGE);
        w.string(message);
        w.endObject();
    }

    static void playback(StructWriter w, PlaybackFrame p) {
        w.beginObject(7);
        w.key(TYPE);
        w.string(PLAYBACK);
        w.key(TIME);
        w.number(p.timeMs());
        w.key(AT);
        w.number(p.atMs());
        w.key(FROM);
        w.number(p.fromMs());
        w.key(TO);
        w.number(p.toMs());
        w.key(SPEED);
        w.number(p.speed());
        w.key(STATE);
        w.string(p.finished() ? FINISHED : PLAYING);
        w.endObject();
    }

    /** The first four keys of snapshot and delta. */
    private static void sequenced(StructWriter w, WireName type, long seq, long hubSeq, long timeMs) {
        w.key(TYPE);
        w.string(type);
        w.key(SEQ);
        w.number(seq);
        w.key(HUB_SEQ);
        w.number(hubSeq);
        w.key(TIME);
        w.number(timeMs);
    }

    private static void rateLimit(StructWriter w, StatusFrame.RateLimit r) {
        if (r == null) {
            w.nil();
            return;
        }
        w.beginObject(7);
        w.key(AUTH_MODE);
        w.string(r.authMode());
        w.key(REMAINING);
        w.number(r.remaining());
        w.key(MAX);
        w.number(r.max());
        w.key(PER_REQUEST);
        w.number(r.perRequest());
        w.key(POLL_INTERVAL_S);
        w.number(r.pollIntervalS());
        w.key(RETRY_AFTER_S);
        w.number(r.retryAfterS());
        // ISO-8601 as Instant.toString(), the form the REST API's Jackson mapper writes
        w.key(REFILL_AT);
        w.string(r.refillAt() == null ? null : r.refillAt().toString());
        w.endObject();
    }
}
