package org.bianmin.cache.sync;

import java.time.Instant;

/** What one delivery pass did; {@code resumeAt} is when the next pass may send (later after a transient failure). */
public record DeliveryPass(int delivered, int retrying, int blocked, Instant resumeAt) {}
