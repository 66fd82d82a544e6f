package org.bianmin.device.status;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one device's current {@link DeviceStatus}, a bounded history of past ones, and listeners. Drivers and the
 * supervisor write to it; the app and the portal heartbeat read it. Setting the same state and detail again is
 * not a change (no history entry, no listener call), so polling loops can report freely. Thread-safe.
 */
public final class DeviceStatusTracker {

    private static final Logger log = LoggerFactory.getLogger(DeviceStatusTracker.class);
    public static final int DEFAULT_HISTORY = 200;

    private final String deviceId;
    private final Clock clock;
    private final int historyLimit;
    private final ArrayDeque<DeviceStatus> history = new ArrayDeque<>();
    private final List<StatusListener> listeners = new CopyOnWriteArrayList<>();
    private DeviceStatus current;

    public DeviceStatusTracker(String deviceId, Clock clock) {
        this(deviceId, clock, DEFAULT_HISTORY);
    }

    public DeviceStatusTracker(String deviceId, Clock clock, int historyLimit) {
        if (historyLimit < 1) {
            throw new IllegalArgumentException("historyLimit must be at least 1");
        }
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.historyLimit = historyLimit;
        this.current = new DeviceStatus(deviceId, DeviceState.STARTING, "", Map.of(), Optional.empty(),
                clock.instant());
        history.add(current);
    }

    public String deviceId() {
        return deviceId;
    }

    public synchronized DeviceStatus current() {
        return current;
    }

    /** Oldest first, at most the history limit. */
    public synchronized List<DeviceStatus> history() {
        return List.copyOf(history);
    }

    public void addListener(StatusListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(StatusListener listener) {
        listeners.remove(listener);
    }

    public void state(DeviceState state, String detail) {
        apply(s -> new DeviceStatus(deviceId, state, detail, s.supplies(), s.lastError(), clock.instant()));
    }

    /** Records an error and moves to {@code state} in one change. */
    public void error(DeviceState state, String code, String message) {
        apply(s -> new DeviceStatus(deviceId, state, message, s.supplies(),
                Optional.of(new DeviceError(code, message, clock.instant())), clock.instant()));
    }

    public void supply(String name, SupplyLevel level) {
        apply(s -> {
            Map<String, SupplyLevel> supplies = new HashMap<>(s.supplies());
            supplies.put(name, level);
            return new DeviceStatus(deviceId, s.state(), s.detail(), supplies, s.lastError(), clock.instant());
        });
    }

    private void apply(java.util.function.UnaryOperator<DeviceStatus> change) {
        DeviceStatus previous;
        DeviceStatus next;
        synchronized (this) {
            previous = current;
            next = change.apply(previous);
            if (sameContent(previous, next)) {
                return;
            }
            current = next;
            history.addLast(next);
            while (history.size() > historyLimit) {
                history.removeFirst();
            }
        }
        log.debug("{}: {} -> {} {}", deviceId, previous.state(), next.state(), next.detail());
        for (StatusListener listener : new ArrayList<>(listeners)) {
            try {
                listener.statusChanged(previous, next);
            } catch (RuntimeException e) {
                log.warn("status listener of {} failed", deviceId, e);
            }
        }
    }

    private static boolean sameContent(DeviceStatus a, DeviceStatus b) {
        return a.state() == b.state() && a.detail().equals(b.detail()) && a.supplies().equals(b.supplies())
                && a.lastError().equals(b.lastError());
    }
}
