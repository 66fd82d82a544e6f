package org.bianmin.bench.journey;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bianmin.bench.Harness;

/**
 * {@code ./kiosk bench soak}: {@value #SESSIONS} complete citizen sessions (or {@code BENCH_SOAK_SESSIONS}) through
 * the real scene graph on the headless platform ({@link KioskDriver#session}: card, form, submit, receipt, rating,
 * the session's end and wipe), printing every {@value #EVERY} sessions this JVM's RSS, its heap after a full GC and
 * its thread count. The JVM also holds the demo's embedded portal (Jetty, its SQLite store) and the harness, so its
 * RSS is an upper bound for the kiosk alone.
 */
public final class SoakHarness implements Harness {

    static final int SESSIONS = 1000;
    static final int EVERY = 100;

    /** One point of the curve. */
    record Point(int sessions, double rssMiB, double heapAfterGcMiB, int threads) {}

    @Override
    public String name() {
        return "soak";
    }

    @Override
    public List<Figure> run() throws Exception {
        int sessions = Integer.parseInt(System.getenv().getOrDefault("BENCH_SOAK_SESSIONS",
                String.valueOf(SESSIONS)));
        KioskDriver kiosk = KioskDriver.shared();
        List<Point> curve = new ArrayList<>();
        curve.add(measure(0));
        print(curve.getLast());
        for (int s = 1; s <= sessions; s++) {
            kiosk.session();
            if (s % EVERY == 0 || s == sessions) {
                curve.add(measure(s));
                print(curve.getLast());
            }
        }
        return figures(curve);
    }

    private static void print(Point p) {
        System.out.printf(Locale.ROOT, "soak: after %4d sessions: RSS %6.1f MiB, heap after GC %6.1f MiB, %3d threads%n",
                p.sessions(), p.rssMiB(), p.heapAfterGcMiB(), p.threads());
    }

    static List<Figure> figures(List<Point> curve) {
        Point first = curve.stream().filter(p -> p.sessions() >= EVERY).findFirst().orElse(curve.getFirst());
        Point last = curve.getLast();
        double peakRss = curve.stream().mapToDouble(Point::rssMiB).max().orElse(Double.NaN);
        return List.of(
                new Figure("soak RSS after " + last.sessions() + " sessions", last.rssMiB(), "MiB",
                        "peak " + String.format(Locale.ROOT, "%.1f", peakRss) + " MiB; goal steady ≤ 250 MB"),
                new Figure("soak heap after GC at " + first.sessions() + " sessions", first.heapAfterGcMiB(), "MiB", ""),
                new Figure("soak heap after GC at " + last.sessions() + " sessions", last.heapAfterGcMiB(), "MiB", ""),
                new Figure("soak heap after GC growth " + first.sessions() + " → " + last.sessions(),
                        100.0 * (last.heapAfterGcMiB() / first.heapAfterGcMiB() - 1), "%", "goal ≤ 5 %"),
                new Figure("soak threads at " + first.sessions() + " / " + last.sessions() + " sessions",
                        last.threads() - first.threads(), "threads", first.threads() + " → " + last.threads()
                                + "; goal: no leak"));
    }

    private static Point measure(int sessions) throws Exception {
        // Twice: the first collection runs what finalizes and cleans, the second frees what that released.
        System.gc();
        System.gc();
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024);
        return new Point(sessions, rssMiB(), heap, ManagementFactory.getThreadMXBean().getThreadCount());
    }

    private static double rssMiB() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
