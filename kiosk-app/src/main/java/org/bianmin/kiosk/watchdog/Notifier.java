package org.bianmin.kiosk.watchdog;

/** Tells the service manager about the kiosk: {@code READY=1}, {@code WATCHDOG=1}, {@code STATUS=…}. */
@FunctionalInterface
public interface Notifier {

    void send(String... assignments);

    Notifier NONE = assignments -> { };
}
