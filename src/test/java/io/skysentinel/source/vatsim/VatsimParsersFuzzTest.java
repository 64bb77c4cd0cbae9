package io.skysentinel.source.vatsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skysentinel.core.AtcLocator;
import io.skysentinel.core.GridAirportCatalog;
import io.skysentinel.testing.Fuzz;
import io.skysentinel.testing.HostileJson;
import io.skysentinel.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property-based fuzzing of the VATSIM parsers (issue 13): a feed or status.json of any shape gives a result or the
 * declared {@link MalformedFeedException}, every entry left out is counted, a feed cut short is refused, and what is
 * accepted converts into the core model without an exception.
 */
class VatsimParsersFuzzTest {

    static final List<String> FEED_KEYS = List.of(
            "general",
            "update_timestamp",
            "connected_clients",
            "unique_users",
            "pilots",
            "controllers",
            "atis",
            "prefiles",
            "facilities",
            "ratings",
            "pilot_ratings",
            "military_ratings",
            "cid",
            "name",
            "callsign",
            "server",
            "pilot_rating",
            "military_rating",
            "latitude",
            "longitude",
            "altitude",
            "groundspeed",
            "transponder",
            "heading",
            "qnh_mb",
            "flight_plan",
            "aircraft",
            "aircraft_short",
            "departure",
            "arrival",
            "cruise_tas",
            "revision_id",
            "logon_time",
            "last_updated",
            "frequency",
            "facility",
            "rating",
            "visual_range",
            "atis_code",
            "text_atis",
            "id",
            "short",
            "long",
            "short_name",
            "long_name");
    static final List<String> STATUS_KEYS = List.of("data", "v3", "user", "metar", "servers");
    static final String SYNTHETIC = """
            {"general":{"update_timestamp":"2024-11-21T12:57:25.123Z","connected_clients":3,"unique_users":3},
             "pilots":[{"cid":1,"name":"A","callsign":"DLH1","latitude":50.03,"longitude":8.57,"altitude":110,
               "groundspeed":0,"transponder":"1000","heading":250,"qnh_mb":1013,"logon_time":"2024-11-21T12:00:00Z",
               "last_updated":"2024-11-21T12:57:20Z","flight_plan":{"aircraft":"A320/M-SDE2E3FGHIJ1RWXY/LB1",
               "departure":"EDDF","arrival":"EGLL","altitude":"FL350","cruise_tas":"N0450","revision_id":1}}],
             "controllers":[{"cid":2,"name":"B","callsign":"EDDF_TWR","frequency":"119.900","facility":4,"rating":3,
               "visual_range":50,"text_atis":["x"],"logon_time":"2024-11-21T12:00:00Z",
               "last_updated":"2024-11-21T12:57:00Z"}],
             "atis":[{"cid":3,"callsign":"EDDF_ATIS","frequency":"118.025","facility":4,"rating":3,"atis_code":"A",
               "last_updated":"2024-11-21T12:57:00Z"}],
             "prefiles":[],"facilities":[{"id":4,"short":"TWR","long":"Tower"}],
             "ratings":[{"id":3,"short":"S2","long":"Tower Trainee"}],"pilot_ratings":[{"id":0,"short_name":"NEW"}]}
            """;

    final VatsimFeedParser parser = new VatsimFeedParser();
    final StatusParser status = new StatusParser();
    final List<JsonNode> feeds = feedSeeds();

    @Test
    void mutatedFeedsGiveAFeedOrTheDeclaredErrorEveryEntryCountedAndConvertible() {
        Fuzz.forAll(400, r -> {
            JsonNode seed = feeds.get(r.nextInt(feeds.size()));
            JsonNode doc = HostileJson.mutate(seed, r, FEED_KEYS);
            FeedConverter converter = new FeedConverter(GridAirportCatalog.empty(), AtcLocator.NONE);
            converter.convert(parser.parse(HostileJson.bytes(seed))); // so the tracker derives from a previous sample
            VatsimFeed feed = parseOrNull(HostileJson.bytes(doc));
            if (feed == null) return;
            int rejected = feed.rejected().values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            int entries = size(doc, "pilots") + size(doc, "controllers") + size(doc, "atis");
            assertThat(feed.pilots().size()
                            + feed.controllers().size()
                            + feed.atis().size()
                            + rejected)
                    .isEqualTo(entries);
            FeedConverter.Converted c = converter.convert(feed);
            assertThat(c.pilots()).hasSameSizeAs(feed.pilots());
            assertThat(c.atc().size() + c.observers())
                    .isEqualTo(feed.controllers().size() + feed.atis().size());
        });
    }

    @Test
    void randomAndDamagedFeedsGiveAFeedOrTheDeclaredError() {
        Fuzz.forAll(800, r -> {
            byte[] body = switch (r.nextInt(5)) {
                case 0 -> HostileJson.randomBytes(r);
                case 1 -> HostileJson.deepNesting(r);
                case 2 -> HostileJson.bytes(HostileJson.object(r, 4, FEED_KEYS));
                default -> HostileJson.corrupt(HostileJson.bytes(feeds.get(r.nextInt(feeds.size()))), r);
            };
            VatsimFeed feed = parseOrNull(body);
            if (feed != null) new FeedConverter(GridAirportCatalog.empty(), AtcLocator.NONE).convert(feed);
        });
    }

    /** Found by the fuzzing: an instant Instant.parse takes but toEpochMilli cannot hold threw out of the parser. */
    @Test
    void anEntryStampedBeyondTheYear9999IsLeftOutAsBadTimeAndAFeedSoStampedIsRefused() {
        ObjectNode doc = (ObjectNode) HostileJson.JSON.readTree(SYNTHETIC);
        ((ObjectNode) doc.get("pilots").get(0)).put("last_updated", "+999999999-12-31T23:59:59Z");
        ((ObjectNode) doc.get("controllers").get(0)).put("last_updated", "-999999999-01-01T00:00:00Z");
        VatsimFeed feed = parser.parse(HostileJson.bytes(doc));
        assertThat(feed.pilots()).isEmpty();
        assertThat(feed.controllers()).isEmpty();
        assertThat(feed.rejected()).containsEntry("bad_time", 2);
        ((ObjectNode) doc.get("general")).put("update_timestamp", "+999999999-12-31T23:59:59Z");
        assertThatThrownBy(() -> parser.parse(HostileJson.bytes(doc))).isInstanceOf(MalformedFeedException.class);
    }

    /** Found by the fuzzing: a CID beyond long threw out of the parser (Jackson's asLong), losing the whole feed. */
    @Test
    void anEntryWhoseCidIsBeyondLongIsLeftOutAsMissingCid() {
        ObjectNode doc = (ObjectNode) HostileJson.JSON.readTree(SYNTHETIC);
        ((ObjectNode) doc.get("pilots").get(0)).put("cid", new java.math.BigInteger("1" + "0".repeat(40)));
        VatsimFeed feed = parser.parse(HostileJson.bytes(doc));
        assertThat(feed.pilots()).isEmpty();
        assertThat(feed.rejected()).containsEntry("missing_cid", 1);
        assertThat(feed.controllers()).hasSize(1);
    }

    @Test
    void aFeedCutShortIsRefused() {
        Fuzz.forAll(300, r -> {
            byte[] whole = HostileJson.bytes(feeds.get(r.nextInt(feeds.size())));
            byte[] cut = Arrays.copyOf(whole, r.nextInt(whole.length));
            assertThatThrownBy(() -> parser.parse(cut)).isInstanceOf(MalformedFeedException.class);
        });
    }

    @Test
    void statusOfAnyShapeGivesHttpUrlsOrTheDeclaredError() {
        JsonNode seed = HostileJson.JSON.readTree(
                "{\"data\":{\"v3\":[\"https://data.vatsim.net/v3/vatsim-data.json\"]},\"user\":[\"https://x/\"]}");
        Fuzz.forAll(800, r -> {
            byte[] body = switch (r.nextInt(4)) {
                case 0 -> HostileJson.randomBytes(r);
                case 1 -> HostileJson.corrupt(HostileJson.bytes(seed), r);
                case 2 -> HostileJson.bytes(HostileJson.object(r, 4, STATUS_KEYS));
                default -> HostileJson.bytes(HostileJson.mutate(seed, r, STATUS_KEYS));
            };
            List<URI> urls;
            try {
                urls = status.v3Urls(body);
            } catch (MalformedFeedException e) {
                assertThat(e.kind).isEqualTo("status");
                return;
            }
            assertThat(urls).isNotEmpty();
            for (URI u : urls) {
                assertThat(u.getScheme()).isIn("http", "https");
                assertThat(u.getHost()).isNotNull();
            }
        });
    }

    private VatsimFeed parseOrNull(byte[] body) {
        try {
            return parser.parse(body);
        } catch (MalformedFeedException e) {
            assertThat(e.kind).isEqualTo("malformed");
            assertThat(e.getMessage()).hasSizeLessThan(1_000);
            return null;
        }
    }

    private static int size(JsonNode doc, String list) {
        JsonNode n = doc.isObject() ? doc.get(list) : null;
        return n != null && n.isArray() ? n.size() : 0;
    }

    /** Recorded feeds cut to a few entries per list (a whole one is ~1 MB: too slow to mutate hundreds of times). */
    static List<JsonNode> feedSeeds() {
        List<JsonNode> out = new ArrayList<>();
        out.add(HostileJson.JSON.readTree(SYNTHETIC));
        for (String name : List.of(
                "vatsim-data-20230807T232929Z-trimmed-1pilot.json",
                "vatsim-data-20241121T125725Z.json",
                "vatsim-data-20201203T142357Z.json")) {
            Path file = SharedData.file("vatsim", name);
            if (file == null) continue;
            try {
                ObjectNode doc = (ObjectNode) HostileJson.JSON.readTree(Files.readAllBytes(file));
                for (String list : List.of("pilots", "controllers", "atis", "prefiles", "servers")) {
                    if (doc.get(list) instanceof ArrayNode a) while (a.size() > 12) a.remove(a.size() - 1);
                }
                out.add(doc);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
