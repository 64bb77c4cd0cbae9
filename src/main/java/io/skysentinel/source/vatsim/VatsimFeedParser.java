package io.skysentinel.source.vatsim;

import static io.skysentinel.source.vatsim.FeedJson.cid;
import static io.skysentinel.source.vatsim.FeedJson.instant;
import static io.skysentinel.source.vatsim.FeedJson.intOrNull;
import static io.skysentinel.source.vatsim.FeedJson.integer;
import static io.skysentinel.source.vatsim.FeedJson.num;
import static io.skysentinel.source.vatsim.FeedJson.seconds;
import static io.skysentinel.source.vatsim.FeedJson.str;
import static io.skysentinel.source.vatsim.FeedJson.time;

import io.skysentinel.core.FlightPlan;
import io.skysentinel.core.NetworkReporting.Code;
import io.skysentinel.core.NetworkReporting.NetworkCodes;
import io.skysentinel.source.vatsim.VatsimFeed.Atc;
import io.skysentinel.source.vatsim.VatsimFeed.Pilot;
import io.skysentinel.source.vatsim.VatsimFeed.Reject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a v3 data feed (all schemas since 2020-12-03) into a {@link VatsimFeed}. Pure and thread-safe. A body that
 * is not JSON, is truncated or has no usable {@code general.update_timestamp} throws {@link MalformedFeedException};
 * a bad entry is left out and counted, the rest is used. Keys the feed added over the years (
 * {@code military_ratings}, {@code aircraft_short}, {@code revision_id}) may be missing.
 */
final class VatsimFeedParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What an id can carry ({@code vatsim-<callsign lower case>}, core.EntityIds). */
    private static final Pattern ATC_CALLSIGN = Pattern.compile("[A-Za-z0-9_.~-]{1,50}");

    VatsimFeed parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedFeedException("malformed", "feed is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) throw new MalformedFeedException("malformed", "feed is not an object");
        JsonNode general = root.get("general");
        if (general == null || !general.isObject()) throw new MalformedFeedException("malformed", "no 'general'");
        String stamp = str(general, "update_timestamp");
        Instant updatedAt = stamp == null ? null : instant(stamp);
        if (updatedAt == null) throw new MalformedFeedException("malformed", "no usable general.update_timestamp");

        Map<String, Integer> rejected = new TreeMap<>();
        List<Pilot> pilots = pilots(root.get("pilots"), rejected);
        Set<String> callsigns = new HashSet<>();
        List<Atc> controllers = atc(root.get("controllers"), false, callsigns, rejected);
        List<Atc> atis = atc(root.get("atis"), true, callsigns, rejected);
        JsonNode prefiles = root.get("prefiles");
        NetworkCodes codes = new NetworkCodes(
                "vatsim",
                codes(root.get("facilities")),
                codes(root.get("ratings")),
                codes(root.get("pilot_ratings")),
                root.has("military_ratings") ? codes(root.get("military_ratings")) : null);
        return new VatsimFeed(
                stamp,
                updatedAt,
                integer(general, "connected_clients", 0),
                integer(general, "unique_users", 0),
                pilots,
                controllers,
                atis,
                prefiles != null && prefiles.isArray() ? prefiles.size() : 0,
                codes,
                rejected);
    }

    private static List<Pilot> pilots(JsonNode list, Map<String, Integer> rejected) {
        List<Pilot> out = new ArrayList<>(list == null ? 0 : list.size());
        if (list == null || !list.isArray()) return out;
        Set<Long> seen = new HashSet<>();
        for (JsonNode p : list) {
            Reject why = pilotProblem(p);
            if (why == null && !seen.add(p.get("cid").asLong())) why = Reject.DUPLICATE;
            if (why != null) {
                rejected.merge(why.tag(), 1, Integer::sum);
                continue;
            }
            out.add(pilot(p));
        }
        return out;
    }

    /** Null when the entry is usable; else why not. */
    private static Reject pilotProblem(JsonNode p) {
        if (!p.isObject()) return Reject.NOT_AN_OBJECT;
        if (cid(p) == null) return Reject.MISSING_CID;
        if (str(p, "callsign") == null) return Reject.MISSING_CALLSIGN;
        Double lat = num(p, "latitude");
        Double lon = num(p, "longitude");
        if (lat == null || lon == null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return Reject.BAD_POSITION;
        Double gs = num(p, "groundspeed");
        if (gs == null || gs < 0 || gs > 5000) return Reject.BAD_GROUNDSPEED;
        if (time(p, "last_updated") == null) return Reject.BAD_TIME;
        return null;
    }

    private static Pilot pilot(JsonNode p) {
        Double heading = num(p, "heading");
        return new Pilot(
                cid(p),
                str(p, "name"),
                str(p, "callsign"),
                str(p, "server"),
                intOrNull(p, "pilot_rating"),
                intOrNull(p, "military_rating"),
                num(p, "latitude"),
                num(p, "longitude"),
                num(p, "altitude"),
                num(p, "groundspeed"),
                str(p, "transponder"),
                heading == null || heading < 0 || heading > 360 ? null : heading,
                num(p, "qnh_mb"),
                flightPlan(p.get("flight_plan")),
                seconds(time(p, "logon_time")),
                time(p, "last_updated").toEpochMilli());
    }

    static FlightPlan flightPlan(JsonNode f) {
        if (f == null || !f.isObject()) return null;
        String aircraft = str(f, "aircraft");
        String altitude = str(f, "altitude");
        String tas = str(f, "cruise_tas");
        return new FlightPlan(
                str(f, "flight_rules"),
                aircraft,
                FeedValues.aircraftType(str(f, "aircraft_short"), aircraft),
                str(f, "departure"),
                str(f, "arrival"),
                str(f, "alternate"),
                altitude,
                FeedValues.cruiseAltitudeFt(altitude),
                FeedValues.cruiseTasKt(tas),
                str(f, "route"),
                str(f, "remarks"),
                str(f, "deptime"),
                str(f, "enroute_time"),
                str(f, "fuel_time"),
                intOrNull(f, "revision_id"));
    }

    private static List<Atc> atc(JsonNode list, boolean atisList, Set<String> callsigns, Map<String, Integer> rej) {
        List<Atc> out = new ArrayList<>();
        if (list == null || !list.isArray()) return out;
        for (JsonNode c : list) {
            Reject why = null;
            if (!c.isObject()) why = Reject.NOT_AN_OBJECT;
            else if (cid(c) == null) why = Reject.MISSING_CID;
            else if (str(c, "callsign") == null) why = Reject.MISSING_CALLSIGN;
            else if (!ATC_CALLSIGN.matcher(str(c, "callsign")).matches()) why = Reject.BAD_CALLSIGN;
            else if (time(c, "last_updated") == null) why = Reject.BAD_TIME;
            else if (!callsigns.add(str(c, "callsign").toUpperCase(java.util.Locale.ROOT))) why = Reject.DUPLICATE;
            if (why != null) {
                rej.merge(why.tag(), 1, Integer::sum);
                continue;
            }
            JsonNode text = c.get("text_atis");
            List<String> lines = null;
            if (text != null && text.isArray()) {
                lines = new ArrayList<>();
                for (JsonNode l : text) if (l.isString()) lines.add(l.stringValue());
            }
            out.add(new Atc(
                    cid(c),
                    str(c, "name"),
                    str(c, "callsign"),
                    str(c, "frequency"),
                    integer(c, "facility", 0),
                    integer(c, "rating", 0),
                    intOrNull(c, "visual_range"),
                    str(c, "atis_code"),
                    lines,
                    seconds(time(c, "logon_time")),
                    time(c, "last_updated").toEpochMilli(),
                    atisList));
        }
        return out;
    }

    /** A code list; facilities and ratings say {@code short}/{@code long}, pilot ratings {@code short_name}. */
    private static List<Code> codes(JsonNode list) {
        List<Code> out = new ArrayList<>();
        if (list == null || !list.isArray()) return out;
        for (JsonNode c : list) {
            Integer id = c.isObject() ? intOrNull(c, "id") : null;
            if (id == null) continue;
            String shortName = str(c, "short") != null ? str(c, "short") : str(c, "short_name");
            String longName = str(c, "long") != null ? str(c, "long") : str(c, "long_name");
            out.add(new Code(id, shortName, longName));
        }
        return List.copyOf(out);
    }
}
