package org.bianmin.cache.sync;

import java.time.Instant;

/**
 * What one delivery pass did; {@code resumeAt} is when the next pass may send (later after a transient failure);
 * {@code more}: the pass stopped at its time budget with entries possibly still due, so the next one follows at once.
 */
public record DeliveryPass(int delivered, int retrying, int blocked, Instant resumeAt, boolean more) {}
