package io.skysentinel.source.vatsim;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.AtcLocator;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.EntityIds;
import io.skysentinel.core.Geo;
import io.skysentinel.core.NetworkReporting.Code;
import io.skysentinel.core.VatsimExtras;
import io.skysentinel.source.vatsim.VatsimFeed.Atc;
import io.skysentinel.source.vatsim.VatsimFeed.Pilot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed feed into the core model: pilots into {@link Aircraft} (with the derived track, vertical rate and
 * on-ground), controllers and ATIS into {@link AtcPosition}s, observers counted. Keeps the {@link PilotTracker}, so
 * feeds must be converted in order and each once; not thread-safe (the poll thread owns it).
 */
final class FeedConverter {

    static final String SOURCE = "vatsim";
    /** The frequency a connection shows when it is on none: observers, supervisors, inactive positions. */
    static final String NO_FREQUENCY = "199.998";

    /** What one feed became. */
    record Converted(List<Aircraft> pilots, List<AtcPosition> atc, int controllers, int atis, int observers) {}

    private final PilotTracker tracker = new PilotTracker();
    private final GroundRule ground;
    private final AtcLocator locator;

    FeedConverter(AirportCatalog airports, AtcLocator locator) {
        this.ground = new GroundRule(airports);
        this.locator = locator == null ? AtcLocator.NONE : locator;
    }

    Converted convert(VatsimFeed feed) {
        PilotTracker.Derived[] derived = tracker.advance(feed.pilots());
        List<Aircraft> pilots = new ArrayList<>(feed.pilots().size());
        for (int i = 0; i < derived.length; i++)
            pilots.add(aircraft(feed.pilots().get(i), derived[i]));
        Map<Integer, String> facilities = shortNames(feed.codes().facilities());
        Map<Integer, String> ratings = shortNames(feed.codes().ratings());
        List<AtcPosition> atc = new ArrayList<>();
        int observers = 0;
        int controllers = 0;
        int atis = 0;
        for (List<Atc> list : List.of(feed.controllers(), feed.atis())) {
            for (Atc a : list) {
                if (observer(a)) {
                    observers++;
                    continue;
                }
                if (a.atisList()) atis++;
                else controllers++;
                atc.add(position(a, facilities, ratings));
            }
        }
        return new Converted(pilots, atc, controllers, atis, observers);
    }

    /** Pilots the tracker remembers (the last feed's). */
    int tracked() {
        return tracker.size();
    }

    Aircraft aircraft(Pilot p, PilotTracker.Derived d) {
        long seen = Math.floorDiv(p.lastUpdatedMs(), 1000);
        return Aircraft.builder(EntityIds.network(SOURCE, Long.toString(p.cid())), SOURCE)
                .callsign(p.callsign())
                .position(p.lat(), p.lon())
                .altitudeM(p.altitudeFt() == null ? null : p.altitudeFt() * Geo.FEET)
                .velocityMps(p.groundspeedKt() * Geo.KNOT_MPS)
                .headingDeg(d.trackDeg())
                .verticalRateMps(d.verticalRateMps())
                .onGround(ground.onGround(p.lat(), p.lon(), p.altitudeFt(), p.groundspeedKt()))
                .squawk(FeedValues.squawk(p.transponder()))
                .timePositionUnix(seen)
                .lastContactUnix(seen)
                .vatsim(new VatsimExtras(
                        p.cid(),
                        p.name(),
                        p.pilotRating(),
                        p.militaryRating(),
                        p.server(),
                        p.headingMagneticDeg(),
                        p.qnhMb(),
                        p.logonUnix(),
                        p.flightPlan()))
                .build();
    }

    static boolean observer(Atc a) {
        return a.facility() == 0 || NO_FREQUENCY.equals(a.frequency());
    }

    private AtcPosition position(Atc a, Map<Integer, String> facilities, Map<Integer, String> ratings) {
        Integer range = a.visualRangeNm();
        AtcLocator.Location where = locator.locate(a.callsign(), a.facility(), range == null ? 0 : range);
        return new AtcPosition(
                AtcPosition.idFor(SOURCE, a.callsign()),
                a.callsign(),
                a.atisList() ? AtcPosition.ATIS : AtcPosition.CONTROLLER,
                a.cid(),
                a.name(),
                new AtcPosition.Code(a.facility(), facilities.get(a.facility())),
                new AtcPosition.Code(a.rating(), ratings.get(a.rating())),
                FeedValues.frequencyMhz(a.frequency()),
                range,
                a.atisCode(),
                a.textAtis(),
                a.logonUnix(),
                Math.floorDiv(a.lastUpdatedMs(), 1000),
                where == null ? null : where.position(),
                where == null ? null : where.area(),
                SOURCE);
    }

    private static Map<Integer, String> shortNames(List<Code> codes) {
        Map<Integer, String> m = new HashMap<>();
        for (Code c : codes) m.put(c.id(), c.shortName());
        return m;
    }
}
