package org.bianmin.bench.journey;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bianmin.bench.Harness;
import org.bianmin.bench.Percentiles;
import org.bianmin.kiosk.app.TransitionTimer;
import org.slf4j.LoggerFactory;

/**
 * {@code ./kiosk bench journey}: {@value #SESSIONS} citizen sessions (or {@code BENCH_SESSIONS}) on the demo kiosk
 * in this JVM ({@link KioskDriver}). The kiosk's own {@link TransitionTimer} times each transition (input → the
 * pulse that lays the new screen out); this harness collects its debug log and prints p50 / p95 / max per
 * transition.
 */
public final class JourneyHarness implements Harness {

    static final int SESSIONS = 20;

    private final List<TransitionTimer.Transition> transitions = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "journey";
    }

    @Override
    public List<Figure> run() throws Exception {
        int sessions = Integer.parseInt(System.getenv().getOrDefault("BENCH_SESSIONS", String.valueOf(SESSIONS)));
        KioskDriver kiosk = KioskDriver.shared();
        Logger logger = (Logger) LoggerFactory.getLogger(TransitionTimer.class);
        AppenderBase<ILoggingEvent> collector = collector(logger);
        Level level = logger.getLevel();
        logger.addAppender(collector);
        logger.setLevel(Level.DEBUG);
        try {
            for (int s = 0; s < sessions; s++) {
                kiosk.session();
                System.out.printf(Locale.ROOT, "journey: session %d of %d done%n", s + 1, sessions);
            }
        } finally {
            logger.setLevel(level);
            logger.detachAppender(collector);
        }
        return figures();
    }

    /** The kiosk's transition log lines into {@link #transitions}. */
    private AppenderBase<ILoggingEvent> collector(Logger logger) {
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                Object[] args = event.getArgumentArray();
                if (args != null && args.length == 3) {
                    transitions.add(new TransitionTimer.Transition(args[0].toString(), args[1].toString(),
                            Math.round(Double.parseDouble(args[2].toString()) * 1e6)));
                }
            }
        };
        appender.setContext(logger.getLoggerContext());
        appender.start();
        return appender;
    }

    private List<Figure> figures() {
        Map<String, List<Double>> byTransition = new LinkedHashMap<>();
        for (TransitionTimer.Transition t : transitions) {
            byTransition.computeIfAbsent(t.from() + " → " + t.to(), k -> new ArrayList<>()).add(t.nanos() / 1e6);
        }
        List<Figure> figures = new ArrayList<>();
        byTransition.forEach((name, ms) -> {
            String n = "n=" + ms.size();
            double max = ms.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            figures.add(new Figure("journey " + name + " p50", Percentiles.of(ms, 50), "ms", n));
            figures.add(new Figure("journey " + name + " p95", Percentiles.of(ms, 95), "ms",
                    n + ", max " + String.format(Locale.ROOT, "%.1f", max) + " ms; goal p95 ≤ 100 ms"));
        });
        return figures;
    }
}
