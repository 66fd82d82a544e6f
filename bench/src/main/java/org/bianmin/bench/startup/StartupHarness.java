package org.bianmin.bench.startup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bianmin.bench.Harness;
import org.bianmin.bench.Percentiles;

/**
 * {@code ./kiosk bench startup}: the kiosk as installed (its jars, the package launcher's JVM options, an AOT cache
 * from a training run like the package's) against headless Chromium rendering the same home screen as a static
 * page ({@code home.html} here: same header, search, tiles and texts) to a screenshot, alternately, {@value #RUNS}
 * times each (or {@code BENCH_RUNS}).
 *
 * <p>Per run: <b>wall</b> from this harness spawning the process to the first frame (the kiosk's own log line
 * {@code first interactive frame … (epoch ms E)}; Chromium's screenshot file written); <b>CPU</b> user + sys of the
 * whole process tree until it exits (bash's {@code times} for its children: every descendant that was waited for);
 * <b>peak memory</b> of the tree, sampled every {@value #SAMPLE_MS} ms from {@code /proc/PID/smaps_rollup} as the
 * sum of RSS (counts pages shared between Chromium's processes once per process) and of PSS (shares them out).
 * Both render headless in software ({@code -Dglass.platform=Headless}, as the package's smoke start and training
 * run; Chromium {@code --headless --disable-gpu}), 1280×900. Each keeps its state between runs (the kiosk's data
 * directory, Chromium's profile) after one unmeasured start: the everyday restart.
 */
public final class StartupHarness implements Harness {

    static final int RUNS = 7;
    static final int SAMPLE_MS = 25;
    /** USER_HZ, the unit of /proc/PID/stat times: 100 on every Linux architecture the kiosk runs on. */
    private static final int CLOCK_TICKS = 100;
    private static final Pattern FRAME = Pattern.compile("first interactive frame \\d+ ms after JVM start \\(epoch ms (\\d+)\\)");
    private static final int TIMEOUT_SECONDS = 120;

    /** One measured start. */
    record Run(double wallMs, double cpuMs, double peakRssMiB, double peakPssMiB) {}

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public List<Figure> run() throws Exception {
        Optional<Path> chromium = Stream.of("chromium", "chromium-browser").map(StartupHarness::onPath)
                .flatMap(Optional::stream).findFirst();
        if (chromium.isEmpty()) {
            System.out.println("startup: Chromium is not installed; it is the reference this benchmark measures "
                    + "against. Install it: sudo apt-get install chromium   (Debian package 'chromium')");
            return List.of();
        }
        Path root = Path.of("").toAbsolutePath();
        Path jar = root.resolve("kiosk-app/target/kiosk-app.jar");
        Path lib = root.resolve("kiosk-app/target/lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            System.out.println("startup: " + jar + " or its lib/ is missing: build first (./kiosk build)");
            return List.of();
        }
        int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", String.valueOf(RUNS)));
        Path work = Files.createTempDirectory("startup-bench");
        Path page = work.resolve("home.html");
        try (InputStream html = StartupHarness.class.getResourceAsStream("home.html")) {
            Files.copy(html, page, StandardCopyOption.REPLACE_EXISTING);
        }
        KioskCommand kiosk = new KioskCommand(Path.of(System.getProperty("java.home"), "bin", "java"), jar, lib, work);
        System.out.println("startup: training the AOT cache (one start, as the package build does)…");
        kiosk.train();
        Path data = work.resolve("kiosk-data");
        Path shot = work.resolve("shot.png");
        List<String> browser = chromiumCommand(chromium.get(), work.resolve("chromium-profile"), shot, page);
        // One unmeasured start each: the kiosk applies its catalogue and stores its index, Chromium makes its profile.
        measure(kiosk.start(data), work.resolve("warm-kiosk.log"), () -> kioskFrame(data));
        measure(browser, work.resolve("warm-chromium.log"), () -> fileWritten(shot));
        List<Run> kioskRuns = new ArrayList<>();
        List<Run> chromiumRuns = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Run k = measure(kiosk.start(data), work.resolve("kiosk-" + i + ".log"), () -> kioskFrame(data));
            Files.deleteIfExists(shot);
            Run c = measure(browser, work.resolve("chromium-" + i + ".log"), () -> fileWritten(shot));
            kioskRuns.add(k);
            chromiumRuns.add(c);
            System.out.printf(Locale.ROOT, "startup run %d: kiosk %s | chromium %s%n", i + 1, row(k), row(c));
        }
        System.out.printf(Locale.ROOT, "startup: load average at the end %s; runs and logs in %s%n",
                Files.readString(Path.of("/proc/loadavg")).strip(), work);
        return figures(kioskRuns, chromiumRuns);
    }

    private static String row(Run r) {
        return String.format(Locale.ROOT, "wall %5.0f ms, cpu %5.0f ms, rss %4.0f MiB, pss %4.0f MiB",
                r.wallMs(), r.cpuMs(), r.peakRssMiB(), r.peakPssMiB());
    }

    static List<Figure> figures(List<Run> kiosk, List<Run> chromium) {
        List<Figure> figures = new ArrayList<>();
        String n = " (median of " + kiosk.size() + ")";
        record Metric(String name, String unit, java.util.function.ToDoubleFunction<Run> value, String goal) {}
        for (Metric m : List.of(
                new Metric("wall, spawn → first frame", "ms", Run::wallMs, "goal ≤ 1.0×"),
                new Metric("CPU user+sys, process tree", "ms", Run::cpuMs, "goal ≤ 1.5×"),
                new Metric("peak RSS, tree sum", "MiB", Run::peakRssMiB, ""),
                new Metric("peak PSS, tree sum", "MiB", Run::peakPssMiB, ""))) {
            double k = Percentiles.of(kiosk.stream().map(r -> m.value().applyAsDouble(r)).toList(), 50);
            double c = Percentiles.of(chromium.stream().map(r -> m.value().applyAsDouble(r)).toList(), 50);
            figures.add(new Figure("startup kiosk " + m.name() + n, k, m.unit(), ""));
            figures.add(new Figure("startup chromium " + m.name() + n, c, m.unit(), ""));
            figures.add(new Figure("startup ratio kiosk/chromium " + m.name(), k / c, "×", m.goal()));
        }
        double kioskMin = kiosk.stream().mapToDouble(Run::wallMs).min().orElse(Double.NaN);
        double chromiumMin = chromium.stream().mapToDouble(Run::wallMs).min().orElse(Double.NaN);
        figures.add(new Figure("startup ratio kiosk/chromium wall, min/min", kioskMin / chromiumMin, "×", ""));
        return figures;
    }

    /**
     * Runs {@code command} under bash (whose {@code times} gives the tree's CPU), sampling the tree's memory, and
     * returns the figures; {@code frame} gives the epoch milliseconds of the first frame once the process is done.
     */
    private static Run measure(List<String> command, Path log, FrameTime frame) throws Exception {
        Path times = log.resolveSibling(log.getFileName() + ".times");
        List<String> wrapped = new ArrayList<>(List.of("bash", "-c",
                "\"$@\"; status=$?; times > \"$TIMES_FILE\"; exit $status", "bench"));
        wrapped.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(wrapped).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TIMES_FILE", times.toString());
        long spawned = System.currentTimeMillis();
        Process process = builder.start();
        long peakRss = 0;
        long peakPss = 0;
        java.util.Map<Long, Long> ticks = new java.util.HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!process.waitFor(SAMPLE_MS, TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() > deadline) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("no exit within " + TIMEOUT_SECONDS + " s: " + command
                        + " (see " + log + ")");
            }
            long rss = 0;
            long pss = 0;
            for (ProcessHandle p : process.descendants().toList()) {
                long[] memory = SmapsRollup.read(p.pid());
                rss += memory[0];
                pss += memory[1];
                ticks.merge(p.pid(), SmapsRollup.cpuTicks(p.pid()), Math::max);
            }
            peakRss = Math.max(peakRss, rss);
            peakPss = Math.max(peakPss, pss);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + ": " + command + " (see " + log + ")");
        }
        double wall = frame.epochMillis() - spawned;
        if (wall <= 0) {
            throw new IllegalStateException("no first frame of this run for " + command + " (see " + log + ")");
        }
        // A descendant nobody waited for is missing from bash's times; the sampled sum misses each process's last
        // moments. The larger of the two is the closer to the truth.
        double sampled = ticks.values().stream().mapToLong(Long::longValue).sum() * 1000.0 / CLOCK_TICKS;
        double cpu = Math.max(childCpuMillis(Files.readAllLines(times)), sampled);
        return new Run(wall, cpu, peakRss / 1024.0, peakPss / 1024.0);
    }

    @FunctionalInterface
    private interface FrameTime {
        long epochMillis() throws IOException;
    }

    /** bash {@code times}: the shell's own user/sys, then its children's, as {@code 0m1.234s 0m0.056s}. */
    static double childCpuMillis(List<String> lines) {
        if (lines.size() < 2) {
            throw new IllegalStateException("bash 'times' printed " + lines);
        }
        String[] parts = lines.get(1).strip().split("\\s+");
        return seconds(parts[0]) * 1000 + seconds(parts[1]) * 1000;
    }

    private static double seconds(String bashTime) {
        Matcher m = Pattern.compile("(\\d+)m([\\d.]+)s").matcher(bashTime);
        if (!m.matches()) {
            throw new IllegalStateException("not a bash time: " + bashTime);
        }
        return Long.parseLong(m.group(1)) * 60 + Double.parseDouble(m.group(2));
    }

    /** The epoch time in the last first-frame line of the kiosk's log (production mode logs to its data dir). */
    private static long kioskFrame(Path data) throws IOException {
        Path log = data.resolve("logs/kiosk.log");
        long last = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher m = FRAME.matcher(line);
            if (m.find()) {
                last = Long.parseLong(m.group(1));
            }
        }
        return last;
    }

    private static long fileWritten(Path file) throws IOException {
        return Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : 0;
    }

    private static List<String> chromiumCommand(Path chromium, Path profile, Path shot, Path page) {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--disable-gpu",
                "--hide-scrollbars", "--window-size=1280,900", "--user-data-dir=" + profile,
                "--screenshot=" + shot, page.toUri().toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add(1, "--no-sandbox"); // Chromium refuses to run as root with its sandbox
        }
        return command;
    }

    private static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
