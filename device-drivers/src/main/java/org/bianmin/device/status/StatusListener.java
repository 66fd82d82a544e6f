package org.bianmin.device.status;

/** Told about every status change; called on the thread that made the change, so it must not block. */
@FunctionalInterface
public interface StatusListener {
    void statusChanged(DeviceStatus previous, DeviceStatus current);
}
