package org.bianmin.bench;

import java.util.List;

/**
 * A measuring harness for figures JMH is the wrong tool for (wire times over a pty, crash-free throughput…).
 * Register implementations in {@code META-INF/services/org.bianmin.bench.Harness}.
 */
public interface Harness {

    /** Short name matched by {@code ./kiosk bench NAME}. */
    String name();

    List<Figure> run() throws Exception;

    /** One measured figure; {@code note} says what it is compared with, if anything. */
    record Figure(String name, double value, String unit, String note) {}
}
