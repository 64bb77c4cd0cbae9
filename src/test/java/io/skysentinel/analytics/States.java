package io.skysentinel.analytics;

import io.skysentinel.core.Aircraft;
import io.skysentinel.core.Geo;

/**
 * Aircraft states for analytics tests, in the units pilots use:
 * {@code state("4b1805", 100).at(47.45, 8.57).altFt(1_800).track(276).vsFpm(-700).build()}.
 * Airborne with no altitude, speed, track or squawk unless said otherwise.
 */
public final class States {

    private States() {}

    public static Builder state(String icao24, long unix) {
        return new Builder(icao24, unix);
    }

    public static final class Builder {
        private final Aircraft.Builder b;

        Builder(String icao24, long unix) {
            b = Aircraft.adsb(icao24, "test")
                    .callsign("TST" + icao24.substring(0, 3).toUpperCase() + "  ")
                    .lastContactUnix(unix)
                    .timePositionUnix(unix);
        }

        public Builder at(double lat, double lon) {
            b.position(lat, lon);
            return this;
        }

        public Builder at(double[] latLon) {
            b.position(latLon[0], latLon[1]);
            return this;
        }

        public Builder altFt(double feet) {
            b.altitudeM(feet * Geo.FEET);
            return this;
        }

        public Builder ground() {
            b.onGround(true);
            return this;
        }

        public Builder track(double deg) {
            b.headingDeg(deg);
            return this;
        }

        public Builder speedKt(double kt) {
            b.velocityMps(kt * Geo.KNOT_MPS);
            return this;
        }

        public Builder vsFpm(double fpm) {
            b.verticalRateMps(fpm * Geo.FPM_MPS);
            return this;
        }

        public Builder squawk(String code) {
            b.squawk(code);
            return this;
        }

        public Builder callsign(String cs) {
            b.callsign(cs);
            return this;
        }

        public Builder positionAt(long unix) {
            b.timePositionUnix(unix);
            return this;
        }

        public Aircraft build() {
            return b.build();
        }
    }
}
