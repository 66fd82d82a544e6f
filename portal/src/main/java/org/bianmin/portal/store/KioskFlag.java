package org.bianmin.portal.store;

import org.bianmin.protocol.api.Heartbeat;

/**
 * What needs an operator's look in a kiosk's latest heartbeat, stored as bits beside it so the fleet view filters
 * and counts 6,280 kiosks in SQL. Offline (no recent heartbeat) is no flag: it depends on when one asks.
 */
public enum KioskFlag {
    /** A consumable (paper…) reported LOW or EMPTY. */
    SUPPLY_LOW,
    /** A device reported ERROR or OFFLINE. */
    DEVICE_FAULT,
    /** A start-up self-check FAILed. */
    SELF_CHECK_FAILED,
    /** Blocked outbox entries, or one pending for {@link #BACKLOG_AGE_SECONDS} s or more. */
    OUTBOX_BACKLOG,
    /** The kiosk refused a catalogue (bad signature, rollback…) among its recent alerts. */
    CATALOGUE_REFUSED;

    static final long BACKLOG_AGE_SECONDS = 600;

    /** This flag's bit in the stored {@code flags} column. */
    int bit() {
        return 1 << ordinal();
    }

    static int of(Heartbeat h) {
        int flags = 0;
        if (h.devices().stream().flatMap(d -> d.supplies().stream())
                .anyMatch(s -> s.level() != Heartbeat.SupplyLevel.OK)) {
            flags |= SUPPLY_LOW.bit();
        }
        if (h.devices().stream().anyMatch(d -> d.state() == Heartbeat.DeviceState.ERROR
                || d.state() == Heartbeat.DeviceState.OFFLINE)) {
            flags |= DEVICE_FAULT.bit();
        }
        if (h.selfCheck().stream().anyMatch(c -> c.status() == Heartbeat.CheckStatus.FAIL)) {
            flags |= SELF_CHECK_FAILED.bit();
        }
        if (h.blockedEntries() > 0 || h.oldestPendingAgeSeconds() >= BACKLOG_AGE_SECONDS) {
            flags |= OUTBOX_BACKLOG.bit();
        }
        if (h.alerts().stream().anyMatch(a -> a.contains("CATALOGUE_REFUSED"))) {
            flags |= CATALOGUE_REFUSED.bit();
        }
        return flags;
    }
}
