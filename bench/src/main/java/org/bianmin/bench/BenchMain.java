package org.bianmin.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./kiosk bench [NAME]}: runs the JMH benchmarks and harnesses whose name contains NAME (all without it)
 * and prints one table of figures.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        String filter = args.length > 0 ? args[0] : "";
        List<Harness.Figure> figures = new ArrayList<>();
        for (Harness harness : ServiceLoader.load(Harness.class)) {
            if (harness.name().contains(filter)) {
                System.out.println("# harness " + harness.name());
                figures.addAll(harness.run());
            }
        }
        // The in-process kiosk of journey and soak keeps an FX thread alive: end it before JMH forks its JVMs.
        org.bianmin.bench.journey.KioskDriver.stopIfStarted();
        figures.addAll(runJmh(filter));
        print(figures);
    }

    private static List<Harness.Figure> runJmh(String filter) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(".*" + java.util.regex.Pattern.quote(filter) + ".*")
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("--enable-native-access=ALL-UNNAMED")
                .build();
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } catch (org.openjdk.jmh.runner.NoBenchmarksException onlyHarnessesMatched) {
            return List.of();
        } catch (RunnerException e) {
            if (String.valueOf(e.getMessage()).contains("No benchmarks")) {
                return List.of();
            }
            throw e;
        }
        List<Harness.Figure> figures = new ArrayList<>();
        for (RunResult r : results) {
            var primary = r.getPrimaryResult();
            String name = r.getParams().getBenchmark().replaceFirst("^org\\.bianmin\\.bench\\.", "")
                    + params(r.getParams());
            figures.add(new Harness.Figure(name, primary.getScore(), primary.getScoreUnit(),
                    String.format(Locale.ROOT, "± %.3f (%s)", primary.getScoreError(), r.getParams().getMode())));
            r.getSecondaryResults().forEach((label, result) -> figures.add(new Harness.Figure(
                    name + " " + label, result.getScore(), result.getScoreUnit(), "")));
        }
        return figures;
    }

    /** " [query=sb]" for a parameterized benchmark, so each parameter value gets its own rows. */
    private static String params(BenchmarkParams params) {
        List<String> pairs = params.getParamsKeys().stream().map(k -> k + "=" + params.getParam(k)).toList();
        return pairs.isEmpty() ? "" : " [" + String.join(",", pairs) + "]";
    }

    private static void print(List<Harness.Figure> figures) {
        int width = figures.stream().mapToInt(f -> f.name().length()).max().orElse(10);
        String row = "%-" + width + "s  %14s  %-10s  %s%n";
        System.out.println();
        System.out.printf(Locale.ROOT, row, "figure", "value", "unit", "note");
        System.out.println("-".repeat(width + 40));
        for (Harness.Figure f : figures) {
            System.out.printf(Locale.ROOT, row, f.name(), String.format(Locale.ROOT, "%.3f", f.value()), f.unit(),
                    f.note());
        }
    }
}
