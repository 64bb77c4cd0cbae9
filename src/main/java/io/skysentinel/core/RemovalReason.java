package io.skysentinel.core;

/** Why an entity left the live picture; detectors treat them differently (a logoff is not a lost contact). */
public enum RemovalReason {
    /** No contact within the stale threshold, by its source's clock. */
    STALE("stale"),
    /** A complete batch (a full feed such as VATSIM's) no longer listed it: it logged off or left the network. */
    LEFT_FEED("left_feed"),
    /** Decided by an upstream hub whose reason this hub does not know (a Kafka tombstone). */
    UPSTREAM("upstream");

    private final String wire;

    RemovalReason(String wire) {
        this.wire = wire;
    }

    /** The snake_case name used on the wire, in Kafka envelopes and in the database. */
    public String wire() {
        return wire;
    }

    public static RemovalReason ofWire(String s) {
        for (RemovalReason r : values()) if (r.wire.equals(s)) return r;
        throw new IllegalArgumentException("unknown removal reason: " + s);
    }
}
