package org.bianmin.protocol.api;

import java.time.OffsetDateTime;

/** A kiosk as the operator sees it: credential state and its last heartbeat (null when none yet). */
public record KioskSummary(String kioskId, boolean revoked, OffsetDateTime lastHeartbeatAt, Heartbeat lastHeartbeat) {}
