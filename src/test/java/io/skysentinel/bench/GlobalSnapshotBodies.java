package io.skysentinel.bench;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Synthetic global OpenSky /states/all bodies shaped like the real ones (17 columns, padded callsigns, some nulls
 * and on-ground rows), so the benchmark needs no recorded data. Same seed, same bytes. Timestamps are written as
 * fixed-width 10-digit numbers so {@link Body#retime} can move a body forward in place, outside the measurement.
 */
final class GlobalSnapshotBodies {
    private GlobalSnapshotBodies() {}

    record Body(byte[] bytes, int[] offsets, int[] secondsBefore) {
        /** Rewrites every timestamp as {@code time - secondsBefore[i]}. */
        void retime(long time) {
            for (int i = 0; i < offsets.length; i++) {
                long v = time - secondsBefore[i];
                for (int d = 9, at = offsets[i]; d >= 0; d--, v /= 10) bytes[at + d] = (byte) ('0' + v % 10);
            }
        }
    }

    static Body body(int rows, long time, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(rows * 160);
        int[] offsets = new int[1 + 2 * rows], before = new int[offsets.length];
        int k = 0;
        sb.append("{\"time\":");
        offsets[k] = sb.length();
        before[k++] = 0;
        sb.append(time);
        sb.append(",\"states\":[");
        for (int i = 0; i < rows; i++) {
            if (i > 0) sb.append(',');
            boolean ground = rnd.nextInt(12) == 0;
            boolean noPos = rnd.nextInt(60) == 0;
            double lat = -60 + rnd.nextDouble() * 130, lon = -180 + rnd.nextDouble() * 360;
            double alt = ground ? 0 : 300 + rnd.nextDouble() * 12_000;
            sb.append("[\"")
                    .append(String.format("%06x", 0x100000 + i))
                    .append("\",\"")
                    .append(String.format("%-8s", "ABC" + (i % 9000)))
                    .append("\",\"United States\",");
            int b1 = rnd.nextInt(5), b2 = rnd.nextInt(3);
            offsets[k] = sb.length();
            before[k++] = b1;
            sb.append(time - b1).append(',');
            offsets[k] = sb.length();
            before[k++] = b2;
            sb.append(time - b2).append(',');
            sb.append(noPos ? "null" : fmt(lon))
                    .append(',')
                    .append(noPos ? "null" : fmt(lat))
                    .append(',')
                    .append(ground ? "null" : fmt(alt))
                    .append(',')
                    .append(ground)
                    .append(',')
                    .append(fmt(ground ? rnd.nextDouble() * 10 : 100 + rnd.nextDouble() * 150))
                    .append(',')
                    .append(fmt(rnd.nextDouble() * 360))
                    .append(',')
                    .append(ground ? "null" : fmt(rnd.nextDouble() * 20 - 10))
                    .append(",null,")
                    .append(ground ? "null" : fmt(alt + 40))
                    .append(",\"")
                    .append(String.format("%04o", rnd.nextInt(4096)))
                    .append("\",false,0]");
        }
        // ASCII only, so char offsets are byte offsets.
        return new Body(sb.append("]}").toString().getBytes(StandardCharsets.US_ASCII), offsets, before);
    }

    private static String fmt(double d) {
        return Double.toString(Math.round(d * 10_000) / 10_000.0);
    }
}
