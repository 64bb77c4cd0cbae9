package io.skysentinel.analytics.airports;

/**
 * One usable direction of a runway: its designator, the threshold aircraft start from / aim at, and the true heading
 * from that threshold to the opposite one (computed from the two threshold positions).
 */
public record RunwayEnd(String airportIcao, String designator, double lat, double lon, double trueHeadingDeg) {}
