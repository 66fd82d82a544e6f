package org.bianmin.protocol.api;

import java.time.OffsetDateTime;

/** The portal's answer to a heartbeat: its clock and the catalogue version it serves. */
public record HeartbeatAck(OffsetDateTime serverTime, long catalogueVersion) {}
