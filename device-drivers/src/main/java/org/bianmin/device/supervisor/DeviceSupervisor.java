package org.bianmin.device.supervisor;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.bianmin.device.status.DeviceError;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatus;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.status.StatusListener;
import org.bianmin.device.transport.SerialTransport;
import org.bianmin.device.transport.SwitchableTransport;
import org.bianmin.device.transport.Transport;
import org.bianmin.device.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one device's link: opens it, probes it, watches it, and when it goes away (a disconnect event, a driver
 * reporting {@link DeviceState#OFFLINE}, a failed probe) waits for the storm to settle, closes, and reopens with
 * backoff, publishing each step to the status. One daemon thread per device; {@link #close()} stops it and
 * closes the link, leaving no thread behind.
 */
public final class DeviceSupervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeviceSupervisor.class);

    private final Transport transport;
    private final DeviceStatusTracker status;
    private final Probe probe;
    private final Backoff backoff;
    private final Duration probeInterval;
    private final Runnable disconnectWatcher = this::requestReconnect;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private final StatusListener offlineWatcher = this::onStatus;
    private boolean running;
    private boolean reconnectRequested;
    private boolean connected;
    private boolean everOnline;
    /** A new link to switch to at the next reconnect (the technician moved the device). */
    private Transport pendingSwitch;
    private Thread thread;

    public DeviceSupervisor(Transport transport, DeviceStatusTracker status, Probe probe, Backoff backoff,
                            Duration probeInterval) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.status = Objects.requireNonNull(status, "status");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.probeInterval = Objects.requireNonNull(probeInterval, "probeInterval");
        watchDisconnects(transport);
        status.addListener(offlineWatcher);
    }

    public Transport transport() {
        return transport;
    }

    public DeviceStatusTracker status() {
        return status;
    }

    public DeviceSupervisor start() {
        lock.lock();
        try {
            if (thread != null) {
                throw new IllegalStateException("already started");
            }
            running = true;
            thread = Thread.ofPlatform().daemon().name("supervisor-" + status.deviceId()).start(this::run);
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** Asks for a close-and-reopen; repeated requests before it happens count once (this is the debounce). */
    public void requestReconnect() {
        lock.lock();
        try {
            reconnectRequested = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves the device to another link without a new driver: closes the current link, switches the
     * {@link SwitchableTransport} this supervisor was built on to {@code next}, and connects as on a first start
     * (a port that never answers is {@link DeviceState#NO_DEVICE}, not {@link DeviceState#OFFLINE}).
     *
     * @throws IllegalStateException when this supervisor was built on a fixed transport
     */
    public void switchTo(Transport next) {
        Objects.requireNonNull(next, "next");
        if (!(transport instanceof SwitchableTransport)) {
            throw new IllegalStateException(status.deviceId() + " is supervised on a fixed transport");
        }
        lock.lock();
        try {
            pendingSwitch = next;
            reconnectRequested = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** jSerialComm tells a serial link's disconnect at once; other links are noticed by their drivers. */
    private void watchDisconnects(Transport link) {
        Transport inner = link instanceof SwitchableTransport switchable ? switchable.current() : link;
        if (inner instanceof SerialTransport serial) {
            serial.onDisconnect(disconnectWatcher);
        }
    }

    /** Waits until the link is up (for driver loops after a failure); false on timeout or close. */
    public boolean awaitConnected(Duration timeout) {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (running && !connected && left > 0) {
                left = signal.awaitNanos(left);
            }
            return running && connected;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void onStatus(DeviceStatus previous, DeviceStatus current) {
        // A driver that lost its port reports OFFLINE; the supervisor takes it from there.
        if (current.state() == DeviceState.OFFLINE && isConnected()) {
            requestReconnect();
        }
    }

    private boolean isConnected() {
        lock.lock();
        try {
            return connected;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        int attempt = 0;
        while (isRunning()) {
            if (applySwitch()) {
                attempt = 0;
            }
            if (!connect()) {
                waitFor(backoff.delay(attempt++), false);
                continue;
            }
            attempt = 0;
            watch();
            disconnect();
            waitFor(backoff.settle(), false);
        }
    }

    /** Puts a pending new link in place (the old one is closed by now); true if there was one. */
    private boolean applySwitch() {
        Transport next;
        lock.lock();
        try {
            next = pendingSwitch;
            pendingSwitch = null;
        } finally {
            lock.unlock();
        }
        if (next == null) {
            return false;
        }
        ((SwitchableTransport) transport).switchTo(next);
        watchDisconnects(transport);
        everOnline = false;
        status.state(DeviceState.STARTING, "connecting to " + next.name());
        log.info("{} moved to {}", status.deviceId(), next.name());
        return true;
    }

    private boolean switchPending() {
        lock.lock();
        try {
            return pendingSwitch != null;
        } finally {
            lock.unlock();
        }
    }

    private boolean connect() {
        try {
            transport.open();
        } catch (TransportException e) {
            DeviceState state = everOnline ? DeviceState.OFFLINE : DeviceState.NO_DEVICE;
            DeviceStatus now = status.current();
            boolean alreadyReported = now.state() == state
                    && now.lastError().map(DeviceError::code).filter(e.kind().name()::equals).isPresent();
            if (!alreadyReported) {
                status.error(state, e.kind().name(), e.getMessage());
            }
            return false;
        }
        lock.lock();
        try {
            reconnectRequested = false;
            connected = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
        Probe.Result result = probe.probe();
        if (result == Probe.Result.UNREACHABLE) {
            disconnect();
            status.error(everOnline ? DeviceState.OFFLINE : DeviceState.NO_DEVICE, "NO_ANSWER",
                    transport.name() + " opened but the device does not answer");
            return false;
        }
        if (result == Probe.Result.HEALTHY) {
            status.state(DeviceState.ONLINE, transport.name());
        }
        everOnline = true;
        log.info("{} connected on {}", status.deviceId(), transport.name());
        return true;
    }

    /** Returns when a reconnect is needed or the supervisor stops; probes every probe interval meanwhile. */
    private void watch() {
        while (isRunning()) {
            if (waitFor(probeInterval, true)) {
                return;
            }
            if (isRunning() && probe.probe() == Probe.Result.UNREACHABLE) {
                return;
            }
        }
    }

    private void disconnect() {
        lock.lock();
        try {
            connected = false;
        } finally {
            lock.unlock();
        }
        transport.close();
        if (isRunning() && everOnline && !switchPending() && status.current().state() != DeviceState.OFFLINE) {
            status.error(DeviceState.OFFLINE, "DISCONNECTED", transport.name() + " went away");
        }
    }

    /**
     * Waits {@code duration}; true if a reconnect request (when {@code wakeOnReconnect}), a switch or a stop
     * ended it early.
     */
    private boolean waitFor(Duration duration, boolean wakeOnReconnect) {
        long left = duration.toNanos();
        lock.lock();
        try {
            // A new link ends any wait: the technician is looking at the screen for the result.
            while (running && left > 0 && !(wakeOnReconnect && reconnectRequested) && pendingSwitch == null) {
                left = signal.awaitNanos(left);
            }
            return !running || (wakeOnReconnect && reconnectRequested) || pendingSwitch != null;
        } catch (InterruptedException e) {
            running = false;
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean isRunning() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    /** Stops watching, closes the link and waits for the supervisor thread to end. */
    @Override
    public void close() {
        Thread t;
        lock.lock();
        try {
            running = false;
            t = thread;
            thread = null;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
        status.removeListener(offlineWatcher);
        transport.close();
        if (t != null) {
            t.interrupt();
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
