package org.bianmin.protocol.api;

import java.time.OffsetDateTime;

/**
 * A test e-ID code the reference portal issued for an identity an operator gave it: what a citizen's e-ID app
 * would show as a QR code. Usable once, until {@code expiresAt}.
 */
public record EidTestToken(String token, OffsetDateTime expiresAt) {}
