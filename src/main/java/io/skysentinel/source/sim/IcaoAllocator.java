package io.skysentinel.source.sim;

import java.util.SplittableRandom;

/**
 * Hands out 24-bit ICAO addresses that never repeat (for the first 2^24 − 2 spawns) and look random: the n-th
 * address is a seeded bijection of n, so uniqueness costs no set of used addresses and is deterministic.
 */
final class IcaoAllocator {

    private static final int MASK = 0xFF_FFFF;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final int multiplier1;
    private final int multiplier2;
    private final int offset;
    private int serial;

    IcaoAllocator(long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x1CA0_2400_5EEDL);
        // Multiplying by an odd number, adding, and x ^ (x >>> k) are each invertible modulo 2^24.
        multiplier1 = r.nextInt() | 1;
        multiplier2 = r.nextInt() | 1;
        offset = r.nextInt();
    }

    String next() {
        while (true) {
            int x = permute(serial++ & MASK);
            if (x != 0 && x != MASK) return hex6(x); // 000000 and ffffff are not valid addresses
        }
    }

    private int permute(int x) {
        x = (x * multiplier1 + offset) & MASK;
        x ^= x >>> 13;
        x = (x * multiplier2) & MASK;
        x ^= x >>> 11;
        return x;
    }

    private static String hex6(int x) {
        char[] c = new char[6];
        for (int i = 5; i >= 0; i--) {
            c[i] = HEX[x & 0xF];
            x >>>= 4;
        }
        return new String(c);
    }
}
