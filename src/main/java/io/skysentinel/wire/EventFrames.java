package io.skysentinel.wire;

import io.skysentinel.core.AnomalyEvent;
import java.util.Map;

/**
 * Encodes the {@code event} push frame (docs/websocket.md, "event"): one anomaly event, sent to every client of
 * /ws/flights (and of /ws/playback when stored events are replayed) in the client's format. NaN coordinates and
 * altitude become null; detail values are numbers, strings, booleans or null (anything else is sent as its string).
 */
public final class EventFrames {

    private static final WireName TYPE = WireName.of("type");
    private static final WireName EVENT_TYPE = WireName.of("event");
    private static final WireName TIME = WireName.of("time");
    private static final WireName EVENT = WireName.of("event");
    private static final WireName KIND = WireName.of("kind");
    private static final WireName ID = WireName.of("id");
    private static final WireName CALLSIGN = WireName.of("callsign");
    private static final WireName LAT = WireName.of("lat");
    private static final WireName LON = WireName.of("lon");
    private static final WireName ALTITUDE_M = WireName.of("altitude_m");
    private static final WireName DETAILS = WireName.of("details");
    private static final int EXPECTED_BYTES = 512;

    private EventFrames() {}

    /** @param timeMs server wall clock when the frame is produced, epoch ms */
    public static byte[] encode(WireFormat format, long timeMs, AnomalyEvent event) {
        return format.finish(encodePlain(format.plain(), timeMs, event));
    }

    private static byte[] encodePlain(WireFormat format, long timeMs, AnomalyEvent event) {
        try (StructWriter w = format == WireFormat.JSON
                ? new JsonStructWriter(EXPECTED_BYTES)
                : new MsgpackStructWriter(EXPECTED_BYTES)) {
            w.beginObject(3);
            w.key(TYPE);
            w.string(EVENT_TYPE);
            w.key(TIME);
            w.number(timeMs);
            w.key(EVENT);
            writeEvent(w, event);
            w.endObject();
            return w.toBytes();
        }
    }

    static void writeEvent(StructWriter w, AnomalyEvent e) {
        w.beginObject(8);
        w.key(KIND);
        w.string(e.kind());
        w.key(TIME);
        w.number(e.timeMs());
        w.key(ID);
        w.string(e.id());
        w.key(CALLSIGN);
        w.string(e.callsign());
        w.key(LAT);
        if (Double.isNaN(e.lat())) w.nil();
        else w.coordinate(e.lat());
        w.key(LON);
        if (Double.isNaN(e.lon())) w.nil();
        else w.coordinate(e.lon());
        w.key(ALTITUDE_M);
        numberOrNull(w, e.altitudeM());
        w.key(DETAILS);
        Map<String, Object> details = e.details();
        w.beginObject(details.size());
        for (Map.Entry<String, Object> d : details.entrySet()) {
            w.key(WireName.of(d.getKey()));
            value(w, d.getValue());
        }
        w.endObject();
        w.endObject();
    }

    private static void value(StructWriter w, Object v) {
        switch (v) {
            case null -> w.nil();
            case Double d -> numberOrNull(w, d);
            case Float f -> numberOrNull(w, f.doubleValue());
            case Number n -> w.number(n.longValue());
            case Boolean b -> w.bool(b);
            case String s -> w.string(s);
            default -> w.string(v.toString());
        }
    }

    private static void numberOrNull(StructWriter w, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) w.nil();
        else w.number(v);
    }
}
