package io.skysentinel.load;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The client mix of a region run ({@code --region-deg D}): each client subscribes to a D°×D° box, as a globe
 * zoomed in on a region does (the page sends its visible region as the subscribe filter). Box centres are drawn,
 * seeded by the client's index, uniformly between 60° S and 70° N over all longitudes, so a run is repeatable.
 */
final class RegionMix {
    private RegionMix() {}

    static double[] box(int client, double deg) {
        SplittableRandom r = new SplittableRandom(0x5EED_0000L + client);
        double half = deg / 2;
        double lat = -60 + r.nextDouble() * 130, lon = -180 + r.nextDouble() * 360;
        double lamin = Math.max(-90, lat - half), lamax = Math.min(90, lat + half);
        double lomin = Math.max(-180, lon - half), lomax = Math.min(180, lon + half);
        return new double[] {lamin, lomin, lamax, lomax};
    }

    static String subscribe(int client, double deg) {
        double[] b = box(client, deg);
        return String.format(
                Locale.ROOT,
                "{\"type\":\"subscribe\",\"filter\":{\"bbox\":[%.3f,%.3f,%.3f,%.3f]}}",
                b[0],
                b[1],
                b[2],
                b[3]);
    }
}
