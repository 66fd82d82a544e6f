package org.bianmin.cache.sync;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last answers the portal gave, by key, for when it cannot be asked. Bounded: at most {@link #CAPACITY} keys,
 * the least recently used going first, so a kiosk that runs for months keeps a fixed memory (the soak saw one entry
 * kept per citizen session, never dropped). Thread-safe.
 *
 * @param <V> what the portal answered
 */
final class LastKnown<V> {

    /** Keys kept: more than a busy hall's day of sessions, a few hundred kilobytes at most. */
    static final int CAPACITY = 256;

    /** One answer and when it was learned. */
    record Answer<V>(V value, Instant learnedAt) {}

    private final Map<String, Answer<V>> answers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Answer<V>> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void put(String key, V value, Instant learnedAt) {
        answers.put(key, new Answer<>(value, learnedAt));
    }

    synchronized Optional<Answer<V>> get(String key) {
        return Optional.ofNullable(answers.get(key));
    }
}
