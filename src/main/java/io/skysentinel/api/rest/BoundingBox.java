package io.skysentinel.api.rest;

/**
 * A lat/lon box, degrees. {@code lomin > lomax} is a box that crosses the antimeridian (e.g. 170 to -170).
 */
public record BoundingBox(double lamin, double lomin, double lamax, double lomax) {

    /** Parses {@code lamin,lomin,lamax,lomax}; errors name {@code parameter}. */
    public static BoundingBox parse(String parameter, String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4)
            throw new InvalidParameterException(parameter, "must be lamin,lomin,lamax,lomax (4 numbers), got " + parts.length + " values");
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
                if (!Double.isFinite(v[i])) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw new InvalidParameterException(parameter, "value " + (i + 1) + " '" + parts[i].strip() + "' is not a number");
            }
        }
        if (Math.abs(v[0]) > 90 || Math.abs(v[2]) > 90) throw new InvalidParameterException(parameter, "latitudes must be within -90..90");
        if (Math.abs(v[1]) > 180 || Math.abs(v[3]) > 180) throw new InvalidParameterException(parameter, "longitudes must be within -180..180");
        if (v[0] > v[2]) throw new InvalidParameterException(parameter, "lamin must not be greater than lamax");
        return new BoundingBox(v[0], v[1], v[2], v[3]);
    }

    public boolean contains(double lat, double lon) {
        if (lat < lamin || lat > lamax) return false;
        return lomin <= lomax ? lon >= lomin && lon <= lomax : lon >= lomin || lon <= lomax;
    }

    public double areaSqDeg() {
        double width = lomin <= lomax ? lomax - lomin : 360 - (lomin - lomax);
        return (lamax - lamin) * width;
    }
}
