package org.bianmin.bench.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's resident and proportional set sizes from {@code /proc/PID/smaps_rollup} (Linux 4.14+), and its CPU
 * time so far from {@code /proc/PID/stat}.
 */
final class SmapsRollup {

    private SmapsRollup() {}

    /** {@code [rss kB, pss kB]}; zeros for a process that is gone or not readable. */
    static long[] read(long pid) {
        long[] memory = new long[2];
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Rss:")) {
                    memory[0] = kilobytes(line);
                } else if (line.startsWith("Pss:")) {
                    memory[1] = kilobytes(line);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process exited between listing and reading: it holds no memory now
        }
        return memory;
    }

    /** utime + stime in clock ticks (fields 14 and 15, after the parenthesised name); 0 for a process that is gone. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
