package io.skysentinel.source.vatsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.AirportCatalog;
import io.skysentinel.core.AtcArea;
import io.skysentinel.core.AtcLocator;
import io.skysentinel.core.AtcPosition;
import io.skysentinel.core.Position;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OnGroundAndAtcTest {

    @ParameterizedTest
    @ValueSource(strings = {"20230807T232929Z", "20241122T124940Z", "20201203T142357Z"})
    void parkedPilotsAreOnTheGroundAndCruisingOnesAreNot(String stamp) {
        AirportCatalog airports = VatsimRecordings.airports();
        VatsimFeed feed = VatsimRecordings.feed(stamp);
        List<Aircraft> pilots =
                new FeedConverter(airports, AtcLocator.NONE).convert(feed).pilots();
        Map<String, VatsimFeed.Pilot> raw =
                feed.pilots().stream().collect(Collectors.toMap(p -> "vatsim-" + p.cid(), Function.identity()));
        List<Aircraft> parked = pilots.stream()
                .filter(a -> raw.get(a.id()).groundspeedKt() == 0)
                .filter(a -> airports.nearest(a.position().lat(), a.position().lon(), 3_000)
                        .isPresent())
                .toList();
        List<Aircraft> cruising = pilots.stream()
                .filter(a ->
                        raw.get(a.id()).groundspeedKt() > 200 && raw.get(a.id()).altitudeFt() > 10_000)
                .toList();
        assertThat(parked).as("parked pilots in the feed").hasSizeGreaterThan(50);
        assertThat(cruising).hasSizeGreaterThan(100);
        long parkedOnGround = parked.stream().filter(Aircraft::onGround).count();
        assertThat(parkedOnGround).as("parked at an airport: on the ground").isGreaterThan(parked.size() * 95L / 100);
        assertThat(cruising).noneMatch(Aircraft::onGround);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20230807T232929Z", "20201203T142357Z"})
    void controllersAndAtisBecomePositionsAndObserversAreCounted(String stamp) {
        VatsimFeed feed = VatsimRecordings.feed(stamp);
        Position jfk = new Position(40.6398, -73.7789);
        AtcLocator locator = (callsign, facility, range) -> callsign.startsWith("JFK_")
                ? new AtcLocator.Location(jfk, new AtcArea(AtcArea.AIRPORT, "KJFK", null))
                : null;
        FeedConverter.Converted c = new FeedConverter(
                        AirportCatalog.class.cast(io.skysentinel.core.GridAirportCatalog.empty()), locator)
                .convert(feed);
        long observers =
                feed.controllers().stream().filter(FeedConverter::observer).count()
                        + feed.atis().stream().filter(FeedConverter::observer).count();
        assertThat(observers).as("the feed has observers").isPositive();
        assertThat(c.observers()).isEqualTo((int) observers);
        assertThat(c.atc()).hasSize(feed.controllers().size() + feed.atis().size() - (int) observers);
        assertThat(c.atc()).noneMatch(p -> p.facility().id() == 0);
        assertThat(c.atc()).allMatch(p -> p.frequencyMhz() != null && p.frequencyMhz() < 199.998);
        assertThat(c.atc())
                .allMatch(p -> p.facility().shortName() != null && p.rating().shortName() != null);
        assertThat(c.atc()).allMatch(p -> p.id().equals("vatsim-" + p.callsign().toLowerCase(java.util.Locale.ROOT)));
        List<AtcPosition> atis = c.atc().stream().filter(AtcPosition::atis).toList();
        assertThat(atis).hasSize(c.atis()).allMatch(p -> p.callsign().contains("ATIS"));
        assertThat(atis.stream().filter(p -> p.atisCode() != null)).isNotEmpty();
        assertThat(c.atc())
                .filteredOn(p -> p.callsign().startsWith("JFK_"))
                .allMatch(
                        p -> jfk.equals(p.position()) && "KJFK".equals(p.area().id()));
        VatsimFeed.Atc first = feed.controllers().stream()
                .filter(a -> !FeedConverter.observer(a))
                .findFirst()
                .orElseThrow();
        AtcPosition p = c.atc().stream()
                .filter(x -> x.callsign().equals(first.callsign()))
                .findFirst()
                .orElseThrow();
        assertThat(p.frequencyMhz()).isEqualTo(Double.parseDouble(first.frequency()));
        assertThat(p.lastContactUnix()).isEqualTo(first.lastUpdatedMs() / 1000);
        assertThat(p.visualRangeNm()).isEqualTo(first.visualRangeNm());
        assertThat(p.kind()).isEqualTo(AtcPosition.CONTROLLER);
    }
}
