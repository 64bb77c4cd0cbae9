package io.skysentinel.wire;

import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcPosition;
import java.util.Collection;
import java.util.List;

/**
 * The ATC position object on the wire, for both formats: the fields, order and names of {@link AtcPosition}'s
 * {@code @JsonPropertyOrder} (docs/api.md#atc-positions), every key always present, unknown values null, so a JSON
 * frame carries exactly what {@code GET /api/atc-positions} writes (a test holds it byte-equal to the REST mapper).
 */
final class AtcLayout {

    private static final WireName KIND = WireName.of("kind");
    private static final WireName CID = WireName.of("cid");
    private static final WireName NAME = WireName.of("name");
    private static final WireName FACILITY = WireName.of("facility");
    private static final WireName RATING = WireName.of("rating");
    private static final WireName FREQUENCY_MHZ = WireName.of("frequency_mhz");
    private static final WireName VISUAL_RANGE_NM = WireName.of("visual_range_nm");
    private static final WireName ATIS_CODE = WireName.of("atis_code");
    private static final WireName TEXT_ATIS = WireName.of("text_atis");
    private static final WireName LOGON_UNIX = WireName.of("logon_unix");
    private static final WireName AREA = WireName.of("area");
    private static final WireName SHORT = WireName.of("short");

    /** Keys written per position; must match the writes in {@link #write}. */
    static final int FIELDS = 16;

    private AtcLayout() {}

    static void writeArray(StructWriter w, Collection<AtcPosition> positions) {
        w.beginArray(positions.size());
        for (AtcPosition p : positions) write(w, p);
        w.endArray();
    }

    static void write(StructWriter w, AtcPosition p) {
        w.beginObject(FIELDS);
        w.key(AircraftLayout.ID);
        w.string(p.id());
        w.key(AircraftLayout.CALLSIGN);
        w.string(p.callsign());
        w.key(KIND);
        w.string(p.kind());
        w.key(CID);
        w.number(p.cid());
        w.key(NAME);
        w.string(p.name());
        w.key(FACILITY);
        writeCode(w, p.facility());
        w.key(RATING);
        writeCode(w, p.rating());
        w.key(FREQUENCY_MHZ);
        w.numberOrNull(p.frequencyMhz());
        w.key(VISUAL_RANGE_NM);
        w.numberOrNull(p.visualRangeNm());
        w.key(ATIS_CODE);
        w.string(p.atisCode());
        w.key(TEXT_ATIS);
        writeLines(w, p.textAtis());
        w.key(LOGON_UNIX);
        w.numberOrNull(p.logonUnix());
        w.key(AircraftLayout.LAST_CONTACT_UNIX);
        w.number(p.lastContactUnix());
        w.key(AircraftLayout.POSITION);
        // full doubles, not float32 as for aircraft: a label point does not move, and MessagePack decodes as REST
        AircraftLayout.writePosition(w, p.position(), false);
        w.key(AREA);
        writeArea(w, p.area());
        w.key(AircraftLayout.SOURCE);
        w.string(p.source());
        w.endObject();
    }

    private static void writeCode(StructWriter w, AtcPosition.Code c) {
        if (c == null) {
            w.nil();
            return;
        }
        w.beginObject(2);
        w.key(AircraftLayout.ID);
        w.number(c.id());
        w.key(SHORT);
        w.string(c.shortName());
        w.endObject();
    }

    private static void writeLines(StructWriter w, List<String> lines) {
        if (lines == null) {
            w.nil();
            return;
        }
        w.beginArray(lines.size());
        for (int i = 0, n = lines.size(); i < n; i++) w.string(lines.get(i));
        w.endArray();
    }

    private static void writeArea(StructWriter w, AtcArea a) {
        if (a == null) {
            w.nil();
            return;
        }
        w.beginObject(3);
        w.key(KIND);
        w.string(a.kind());
        w.key(AircraftLayout.ID);
        w.string(a.id());
        w.key(NAME);
        w.string(a.name());
        w.endObject();
    }
}
