package io.skysentinel.testing;

import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.Position;
import java.time.Instant;
import java.util.List;

/**
 * ATC positions as VATSIM's feed of 2023-07-31T19:25:33Z listed them (callsign, CID, facility, rating, frequency,
 * visual range, info lines, logon and last update), with the location and area the reference data gives. Names are
 * the CID, as the feed shows members who hide theirs: no real name in the repository.
 */
public final class AtcFixtures {

    /** The feed's update time. */
    public static final long FEED_UNIX = Instant.parse("2023-07-31T19:25:33Z").getEpochSecond();

    private static final Position EGLL = new Position(51.4706, -0.461941);
    private static final Position EGKK = new Position(51.148102, -0.190278);

    private static final java.util.concurrent.atomic.AtomicLong FEEDS = new java.util.concurrent.atomic.AtomicLong();

    private AtcFixtures() {}

    /**
     * The next feed of a run, 15 s after the previous one (VATSIM's cadence), listing these positions as just updated:
     * tests sharing one application publish feeds in order, so the hub never takes one as older than what it holds.
     */
    public static io.skysentinel.core.SourceBatch nextFeed(AtcPosition... positions) {
        long unix = FEED_UNIX + 15 * FEEDS.incrementAndGet();
        List<AtcPosition> seen =
                java.util.Arrays.stream(positions).map(p -> seenAt(p, unix)).toList();
        return io.skysentinel.core.SourceBatch.network("vatsim", unix * 1000, List.of(), seen);
    }

    public static AtcPosition heathrowTower() {
        return position(
                "EGLL_S_TWR",
                AtcPosition.CONTROLLER,
                1072670,
                new AtcPosition.Code(4, "TWR"),
                new AtcPosition.Code(7, "C3"),
                118.5,
                30,
                null,
                List.of("\"Heathrow Tower\"", "Pilot Brief - vats.im/lhrbrief", "Submit feedback at vats.im/atcfb"),
                "2023-07-31T16:56:21Z",
                "2023-07-31T19:25:33Z",
                EGLL,
                new AtcArea(AtcArea.AIRPORT, "EGLL", "London Heathrow Airport"));
    }

    public static AtcPosition heathrowAtis() {
        return position(
                "EGLL_ATIS",
                AtcPosition.ATIS,
                1072670,
                new AtcPosition.Code(4, "TWR"),
                new AtcPosition.Code(7, "C3"),
                128.075,
                0,
                "V",
                List.of(
                        "HEATHROW INFORMATION V TIME 182 0, AUTOMATIC , ARRIVAL RUNWAY",
                        "27L DEPARTURE RUNWAY 27R TRANSITION LEVEL FLIGHT LEVEL 7 5,"),
                "2023-07-31T16:56:25Z",
                "2023-07-31T19:25:33Z",
                EGLL,
                new AtcArea(AtcArea.AIRPORT, "EGLL", "London Heathrow Airport"));
    }

    public static AtcPosition gatwickDirector() {
        return position(
                "EGKK_APP",
                AtcPosition.CONTROLLER,
                1390209,
                new AtcPosition.Code(5, "APP"),
                new AtcPosition.Code(4, "S3"),
                126.825,
                100,
                null,
                List.of("Gatwick Director", "Charts at www.chartfox.org/EGKK", "Submit feedback at vats.im/atcfb"),
                "2023-07-31T18:33:46Z",
                "2023-07-31T19:25:16Z",
                EGKK,
                new AtcArea(AtcArea.RANGE, "EGKK_APP", null));
    }

    public static AtcPosition gatwickGround() {
        return position(
                "EGKK_GND",
                AtcPosition.CONTROLLER,
                1410950,
                new AtcPosition.Code(3, "GND"),
                new AtcPosition.Code(2, "S1"),
                121.8,
                20,
                null,
                List.of("Gatwick Ground", "Charts at www.chartfox.org/EGKK", "PDC available code EGKK"),
                "2023-07-31T18:43:33Z",
                "2023-07-31T19:25:28Z",
                EGKK,
                new AtcArea(AtcArea.AIRPORT, "EGKK", "London Gatwick Airport"));
    }

    /** A position the reference data cannot place, with every nullable field null. */
    public static AtcPosition unplaced() {
        return new AtcPosition(
                AtcPosition.idFor("vatsim", "XX_CTR"),
                "XX_CTR",
                AtcPosition.CONTROLLER,
                1000001,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                FEED_UNIX,
                null,
                null,
                "vatsim");
    }

    /** The same position, seen by a later feed. */
    public static AtcPosition seenAt(AtcPosition p, long lastContactUnix) {
        return new AtcPosition(
                p.id(),
                p.callsign(),
                p.kind(),
                p.cid(),
                p.name(),
                p.facility(),
                p.rating(),
                p.frequencyMhz(),
                p.visualRangeNm(),
                p.atisCode(),
                p.textAtis(),
                p.logonUnix(),
                lastContactUnix,
                p.position(),
                p.area(),
                p.source());
    }

    private static AtcPosition position(
            String callsign,
            String kind,
            long cid,
            AtcPosition.Code facility,
            AtcPosition.Code rating,
            double frequencyMhz,
            int visualRangeNm,
            String atisCode,
            List<String> text,
            String logon,
            String lastUpdated,
            Position where,
            AtcArea area) {
        return new AtcPosition(
                AtcPosition.idFor("vatsim", callsign),
                callsign,
                kind,
                cid,
                Long.toString(cid),
                facility,
                rating,
                frequencyMhz,
                visualRangeNm,
                atisCode,
                text,
                Instant.parse(logon).getEpochSecond(),
                Instant.parse(lastUpdated).getEpochSecond(),
                where,
                area,
                "vatsim");
    }
}
