package org.bianmin.kiosk.selfcheck;

import java.util.Set;

/**
 * One start-up check: {@code name} says what was checked ({@code data-dir}, {@code port idcard}…), {@code detail}
 * what was found and, when something is wrong, what to do. A failure lists the features it takes out of service;
 * a warning never disables anything. No personal data: these go to the log, the portal and the screen.
 */
public record CheckResult(String name, Status status, String detail, Set<Feature> disables) {

    public enum Status { PASS, WARN, FAIL }

    public CheckResult {
        disables = Set.copyOf(disables);
    }

    public static CheckResult pass(String name, String detail) {
        return new CheckResult(name, Status.PASS, detail, Set.of());
    }

    public static CheckResult warn(String name, String detail) {
        return new CheckResult(name, Status.WARN, detail, Set.of());
    }

    public static CheckResult fail(String name, String detail, Set<Feature> disables) {
        return new CheckResult(name, Status.FAIL, detail, disables);
    }

    /** One line for a terminal or a log: {@code FAIL  port idcard      /dev/… does not exist}. */
    public String line() {
        return String.format("%-5s %-16s %s", status, name, detail);
    }
}
