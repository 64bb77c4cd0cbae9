package io.skysentinel.api.rest;

import io.skysentinel.core.BoundingBox;

/** A {@code bbox} query parameter, {@code lamin,lomin,lamax,lomax} in degrees; anything else is a 400 naming it. */
public final class BoundingBoxParameter {

    private BoundingBoxParameter() {}

    public static BoundingBox parse(String parameter, String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw new InvalidParameterException(
                    parameter, "must be lamin,lomin,lamax,lomax (4 numbers), got " + parts.length + " values");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i].strip();
            try {
                v[i] = Double.parseDouble(part);
                if (!Double.isFinite(v[i])) throw new NumberFormatException("not finite");
            } catch (NumberFormatException e) {
                throw new InvalidParameterException(parameter, "value " + (i + 1) + " '" + part + "' is not a number");
            }
        }
        try {
            return new BoundingBox(v[0], v[1], v[2], v[3]);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, e.getMessage());
        }
    }
}
