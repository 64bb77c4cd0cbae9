package io.skysentinel.source.opensky;

/**
 * OpenSky account tiers and their daily credit allowance (REST docs, "Limitations"). AUTO picks ANONYMOUS without
 * client credentials and STANDARD with them; a feeder must say FEEDER because the API has no way to tell us.
 */
public enum Tier {
    ANONYMOUS(400),
    STANDARD(4_000),
    FEEDER(8_000),
    AUTO(0);

    private final long dailyCredits;

    Tier(long dailyCredits) {
        this.dailyCredits = dailyCredits;
    }

    public long dailyCredits() {
        return dailyCredits;
    }

    /**
     * The tier that applies, given whether we authenticate. Without credentials OpenSky treats us as anonymous
     * whatever was configured; an explicit ANONYMOUS with credentials is kept (the smaller budget is the safe guess).
     */
    public Tier resolve(boolean authenticated) {
        if (!authenticated) return ANONYMOUS;
        return this == AUTO ? STANDARD : this;
    }
}
