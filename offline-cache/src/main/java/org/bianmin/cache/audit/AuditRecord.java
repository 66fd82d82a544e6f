package org.bianmin.cache.audit;

import java.time.Instant;

/**
 * One audit record. {@code detail} holds references only (receipt number, item code, catalogue version), never
 * personal data. {@code hash} = SHA-256 over {@code prevHash} and the record's fields (see {@link AuditLog}).
 */
public record AuditRecord(long seq, Instant at, Actor actor, String event, Outcome outcome, String detail,
                          String prevHash, String hash) {}
