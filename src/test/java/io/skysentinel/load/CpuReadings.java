package io.skysentinel.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU figures: per process and for the whole machine from /proc (Linux only; null elsewhere), and the tool's own. */
final class CpuReadings {

    private CpuReadings() {}

    /** utime+stime of a process in clock ticks (USER_HZ = 100 on Linux), or null. */
    static long[] procCpu(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])}; // fields 14, 15: utime, stime
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The machine's "cpu" line of /proc/stat: user nice system idle iowait irq softirq steal, in ticks. */
    static long[] machineCpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (line.startsWith("cpu ")) {
                    String[] f = line.strip().split("\\s+");
                    long[] v = new long[8];
                    for (int i = 0; i < 8; i++) v[i] = Long.parseLong(f[i + 1]);
                    return v;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return null;
    }

    /** CPU time the tool's JVM has used, in ns (0 when the JVM does not tell). */
    static long toolCpuNs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
