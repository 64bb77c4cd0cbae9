package io.skysentinel.source.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.skysentinel.core.Aircraft;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks every simulated state must pass, and the geometry the tests measure with (independent of {@link Geo}). */
final class SimAssertions {

    static final long T0_MS = 1_700_000_000_000L;
    private static final Pattern ICAO24 = Pattern.compile("[0-9a-f]{6}");
    private static final Pattern CALLSIGN = Pattern.compile("[A-Z][A-Z0-9]{1,7}");
    private static final Pattern SQUAWK = Pattern.compile("[0-7]{4}");

    private SimAssertions() {}

    static void assertAllValid(List<Aircraft> aircraft, long epochMs) {
        Set<String> ids = new HashSet<>();
        for (Aircraft a : aircraft) {
            assertThat(ids.add(a.icao24())).as("unique icao24 %s", a.icao24()).isTrue();
            assertThat(a.icao24()).matches(ICAO24).isNotIn("000000", "ffffff");
            assertThat(a.callsign()).matches(CALLSIGN);
            assertThat(a.squawk()).matches(SQUAWK);
            assertThat(a.originCountry()).isNotBlank();
            assertThat(a.source()).isEqualTo("sim");
            assertThat(a.position()).isNotNull();
            assertThat(a.position().lat()).isBetween(-90.0, 90.0);
            assertThat(a.position().lon()).isBetween(-180.0, 180.0);
            assertThat(a.headingDeg()).isGreaterThanOrEqualTo(0.0).isLessThan(360.0);
            assertThat(a.velocityMps()).isBetween(0.0, 300.0);
            assertThat(a.altitudeM()).isBetween(-50.0, 13_500.0);
            assertThat(a.geoAltitudeM()).isNotNull();
            assertThat(Math.abs(a.geoAltitudeM() - a.altitudeM())).isLessThanOrEqualTo(100.0);
            assertThat(a.verticalRateMps()).isBetween(-20.0, 20.0);
            if (a.onGround()) assertThat(a.verticalRateMps()).isZero();
            assertThat(a.category()).isIn(2, 3, 4, 6);
            assertThat(a.opensky()).as("the simulator is not OpenSky").isNull();
            assertThat(a.id()).isEqualTo(a.icao24());
            assertThat(a.timePositionUnix()).isEqualTo(epochMs / 1000);
            assertThat(a.lastContactUnix()).isEqualTo(epochMs / 1000);
        }
    }

    /** Great-circle distance on a sphere of the mean Earth radius, metres. */
    static double haversineM(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double h =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Initial great-circle bearing, degrees clockwise from north in [0, 360). */
    static double initialBearingDeg(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2), dl = Math.toRadians(lon2 - lon1);
        double y = Math.sin(dl) * Math.cos(p2);
        double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
        return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
    }

    /** Absolute difference between two headings, 0..180. */
    static double headingDiff(double a, double b) {
        double d = Math.abs(a - b) % 360;
        return d > 180 ? 360 - d : d;
    }
}
