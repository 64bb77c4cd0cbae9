package io.skysentinel.source.sim;

import java.util.SplittableRandom;

/**
 * Gives a newly spawned flight who it is: address, callsign, country, emitter category, performance, squawk, and
 * (rarely) an emergency. Airline mixes are rough shares, not statistics.
 */
final class FlightIdentities {

    /** ADS-B emitter categories as OpenSky numbers them (extended=1): 2 light, 3 small, 4 large, 6 heavy. */
    static final int LIGHT = 2, SMALL = 3, LARGE = 4, HEAVY = 6;

    private static final String US = "United States";
    private static final char[] N_NUMBER_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray(); // no I or O

    private record Operator(String icao, String country, int category, int weight) {}

    private static final Operator[] NEW_YORK = {
        new Operator("AAL", US, LARGE, 12),
        new Operator("DAL", US, LARGE, 14),
        new Operator("UAL", US, LARGE, 14),
        new Operator("JBU", US, LARGE, 14),
        new Operator("SWA", US, LARGE, 3),
        new Operator("NKS", US, LARGE, 3),
        new Operator("ASA", US, LARGE, 2),
        new Operator("RPA", US, SMALL, 8),
        new Operator("EDV", US, SMALL, 6),
        new Operator("ENY", US, SMALL, 4),
        new Operator("SKW", US, SMALL, 3),
        new Operator("FDX", US, HEAVY, 2),
        new Operator("UPS", US, HEAVY, 1),
        new Operator("BAW", "United Kingdom", HEAVY, 2),
        new Operator("VIR", "United Kingdom", HEAVY, 1),
        new Operator("AFR", "France", HEAVY, 1),
        new Operator("DLH", "Germany", HEAVY, 1),
        new Operator("KLM", "Kingdom of the Netherlands", HEAVY, 1),
        new Operator("ACA", "Canada", LARGE, 2),
        new Operator("UAE", "United Arab Emirates", HEAVY, 1),
        new Operator("QTR", "Qatar", HEAVY, 1),
        new Operator("IBE", "Spain", HEAVY, 1),
        new Operator("THY", "Turkey", HEAVY, 1),
        new Operator("AMX", "Mexico", LARGE, 1),
        new Operator("JAL", "Japan", HEAVY, 1)
    };

    private static final Operator[] BUSINESS = {new Operator("EJA", US, SMALL, 3), new Operator("LXJ", US, SMALL, 2)};

    private static final Operator[] WORLD = {
        new Operator("AAL", US, LARGE, 6),
        new Operator("DAL", US, LARGE, 6),
        new Operator("UAL", US, LARGE, 6),
        new Operator("SWA", US, LARGE, 6),
        new Operator("FDX", US, HEAVY, 2),
        new Operator("RYR", "Ireland", LARGE, 5),
        new Operator("EZY", "United Kingdom", LARGE, 3),
        new Operator("BAW", "United Kingdom", HEAVY, 2),
        new Operator("DLH", "Germany", LARGE, 3),
        new Operator("AFR", "France", LARGE, 2),
        new Operator("THY", "Turkey", LARGE, 3),
        new Operator("UAE", "United Arab Emirates", HEAVY, 2),
        new Operator("CES", "China", LARGE, 4),
        new Operator("CSN", "China", LARGE, 4),
        new Operator("CCA", "China", LARGE, 3),
        new Operator("ANA", "Japan", LARGE, 2),
        new Operator("KAL", "Republic of Korea", HEAVY, 2),
        new Operator("SIA", "Singapore", HEAVY, 1),
        new Operator("QFA", "Australia", HEAVY, 1),
        new Operator("IGO", "India", LARGE, 3),
        new Operator("GLO", "Brazil", LARGE, 2),
        new Operator("TAM", "Brazil", LARGE, 2),
        new Operator("AVA", "Colombia", LARGE, 1),
        new Operator("LAN", "Chile", LARGE, 1),
        new Operator("ETH", "Ethiopia", HEAVY, 1),
        new Operator("SAA", "South Africa", HEAVY, 1),
        new Operator("ACA", "Canada", LARGE, 2),
        new Operator("AMX", "Mexico", LARGE, 1)
    };

    private final SplittableRandom rng;
    private final IcaoAllocator icao;
    private final double emergencyProbability;

    FlightIdentities(SplittableRandom rng, IcaoAllocator icao, double emergencyProbability) {
        this.rng = rng;
        this.icao = icao;
        this.emergencyProbability = emergencyProbability;
    }

    /** Around New York: 75 % airlines, 15 % business jets, 10 % light aircraft flying VFR. */
    void assignRegional(SimFlight f) {
        double r = rng.nextDouble();
        if (r < 0.10) {
            assign(f, nNumber(), US, LIGHT);
            f.squawk = "1200"; // VFR
        } else {
            assign(f, r < 0.25 ? BUSINESS : NEW_YORK);
        }
    }

    void assignWorldwide(SimFlight f) {
        assign(f, WORLD);
    }

    private void assign(SimFlight f, Operator[] operators) {
        Operator o = pick(operators);
        int number = o.category() == SMALL ? 3000 + rng.nextInt(3000) : 1 + rng.nextInt(2999);
        assign(f, o.icao() + number, o.country(), o.category());
    }

    private void assign(SimFlight f, String callsign, String country, int category) {
        f.icao24 = icao.next();
        f.callsign = callsign;
        f.originCountry = country;
        f.category = category;
        f.squawk = discreteSquawk();
        f.geoOffsetM = -20 + rng.nextDouble() * 100;
        switch (category) {
            case LIGHT -> performance(f, 6, 30, 40, 55 + rng.nextDouble() * 10);
            case SMALL -> performance(f, 8, 65, 65, 200 + rng.nextDouble() * 25);
            case HEAVY -> performance(f, 8, 82, 75, 235 + rng.nextDouble() * 20);
            default -> performance(f, 8, 75, 70, 225 + rng.nextDouble() * 15);
        }
        if (rng.nextDouble() < emergencyProbability) {
            double r = rng.nextDouble();
            f.emergencySquawk = r < 0.80 ? "7700" : r < 0.95 ? "7600" : "7500";
            f.emergencyAtAgeS = 30 + rng.nextDouble() * 600;
        }
    }

    private static void performance(SimFlight f, double taxi, double rotate, double approach, double cruise) {
        f.taxiSpeed = taxi;
        f.rotateSpeed = rotate;
        f.approachSpeed = approach;
        f.cruiseSpeed = cruise;
    }

    private Operator pick(Operator[] operators) {
        int total = 0;
        for (Operator o : operators) total += o.weight();
        int r = rng.nextInt(total);
        for (Operator o : operators) {
            r -= o.weight();
            if (r < 0) return o;
        }
        return operators[operators.length - 1];
    }

    /** Four octal digits, never a 7xxx special code, 0000 or the VFR code 1200. */
    private String discreteSquawk() {
        while (true) {
            char[] code = new char[4];
            for (int i = 0; i < 4; i++) code[i] = (char) ('0' + (i == 0 ? rng.nextInt(7) : rng.nextInt(8)));
            String s = new String(code);
            if (!s.equals("0000") && !s.equals("1200")) return s;
        }
    }

    /** A US registration as used for a callsign: N, a digit 1-9, up to 3 more digits, up to 2 letters. */
    private String nNumber() {
        StringBuilder sb = new StringBuilder("N").append(1 + rng.nextInt(9));
        int digits = rng.nextInt(4);
        for (int i = 0; i < digits; i++) sb.append(rng.nextInt(10));
        int letters = rng.nextInt(Math.min(2, 4 - digits) + 1);
        for (int i = 0; i < letters; i++) sb.append(N_NUMBER_LETTERS[rng.nextInt(N_NUMBER_LETTERS.length)]);
        return sb.toString();
    }
}
