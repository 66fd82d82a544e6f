package org.bianmin.device.supervisor;

/**
 * A device-specific health check the supervisor runs after opening and then periodically: the ID-card reader asks
 * its SAM; a scanner, which never speaks first, only checks that its link is up.
 */
@FunctionalInterface
public interface Probe {

    enum Result {
        /** The device answered and is fine. */
        HEALTHY,
        /** The device answered but reports a fault; the driver has set the status. Not a reason to reconnect. */
        FAULTY,
        /** No sensible answer: close and reconnect. */
        UNREACHABLE
    }

    /** Must return within a few seconds. */
    Result probe();
}
