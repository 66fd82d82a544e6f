package org.bianmin.device.status;

/** Where a device stands, in the spirit of XFS4IoT's {@code Common.Status.device}. */
public enum DeviceState {
    /** Configured, being opened for the first time. */
    STARTING,
    /** Open and answering. */
    ONLINE,
    /** Was there, went away (unplugged, cable pulled, stopped answering); the supervisor keeps retrying. */
    OFFLINE,
    /** Never found at the configured port. */
    NO_DEVICE,
    /** The device answers but reports a fault it cannot recover from by itself (SAM failure, cutter jam). */
    HARDWARE_ERROR,
    /** A fault a person can fix: a card left on the reader, printer cover open. */
    USER_ERROR,
    /** Working on a request (reading a card, printing). */
    BUSY
}
