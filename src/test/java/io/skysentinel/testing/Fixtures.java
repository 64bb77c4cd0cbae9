package io.skysentinel.testing;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.SourceBatch;
import java.util.List;

/** Fixture builders that read like data: {@code plane("abc123").at(40.6, -73.8).alt(3000).seen(T)}. */
public final class Fixtures {
    private Fixtures() {}

    public static PlaneBuilder plane(String icao24) {
        return new PlaneBuilder(icao24);
    }

    public static SourceBatch batch(String source, long observedAtUnix, Aircraft... aircraft) {
        return SourceBatch.live(source, observedAtUnix * 1000, List.of(aircraft));
    }

    public static final class PlaneBuilder {
        private final Aircraft.Builder b;
        private String source = "sim";
        private final String icao24;

        PlaneBuilder(String icao24) {
            this.icao24 = icao24;
            this.b = Aircraft.adsb(icao24, "sim")
                    .callsign("TST" + icao24.substring(0, 3).toUpperCase())
                    .originCountry("United States")
                    .position(40.64, -73.78)
                    .altitudeM(3000.0)
                    .geoAltitudeM(3050.0)
                    .velocityMps(120.0)
                    .headingDeg(90.0)
                    .verticalRateMps(0.0)
                    .squawk("1200");
        }

        public PlaneBuilder from(String source) {
            this.source = source;
            return this;
        }

        public PlaneBuilder callsign(String v) {
            b.callsign(v);
            return this;
        }

        public PlaneBuilder country(String v) {
            b.originCountry(v);
            return this;
        }

        public PlaneBuilder at(double lat, double lon) {
            b.position(lat, lon);
            return this;
        }

        public PlaneBuilder noPosition() {
            b.position(null);
            return this;
        }

        public PlaneBuilder alt(double metres) {
            b.altitudeM(metres);
            b.geoAltitudeM(metres + 50);
            return this;
        }

        public PlaneBuilder speed(double mps) {
            b.velocityMps(mps);
            return this;
        }

        public PlaneBuilder heading(double deg) {
            b.headingDeg(deg);
            return this;
        }

        public PlaneBuilder onGround() {
            b.onGround(true).altitudeM(null).geoAltitudeM(null).velocityMps(8.0);
            return this;
        }

        public PlaneBuilder squawk(String v) {
            b.squawk(v);
            return this;
        }

        public PlaneBuilder seen(long unix) {
            b.lastContactUnix(unix).timePositionUnix(unix);
            return this;
        }

        public Aircraft build() {
            return b.source(source).build();
        }
    }
}
