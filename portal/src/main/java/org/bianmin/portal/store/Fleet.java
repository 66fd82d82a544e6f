package org.bianmin.portal.store;

import java.util.List;
import java.util.Map;
import org.bianmin.protocol.api.KioskSummary;

/**
 * One page of the fleet view: the kiosks matching a filter, ordered by id, how many match in all, and the counts
 * over the whole fleet that head the page.
 */
public record Fleet(List<KioskSummary> page, long matching, Counts counts) {

    /** A search by id prefix: what kiosk ids are made of, so it holds none of LIKE's wildcards. */
    public static boolean validPrefix(String prefix) {
        return prefix != null && prefix.matches("[A-Za-z0-9-]{0,40}");
    }

    /** Which kiosks a fleet page shows. */
    public sealed interface Filter {
        /** Every registered kiosk. */
        record All() implements Filter {}

        /** Not revoked, and no heartbeat since the cut-off (or never). */
        record Offline() implements Filter {}

        record Revoked() implements Filter {}

        /** Not revoked, and the flag is set in the latest heartbeat. */
        record Flagged(KioskFlag flag) implements Filter {}
    }

    /**
     * Over the whole fleet: kiosks registered, revoked, offline (not revoked, no heartbeat since the cut-off), and
     * not revoked kiosks per flag of their latest heartbeat.
     */
    public record Counts(long total, long revoked, long offline, Map<KioskFlag, Long> flagged) {
        public Counts {
            flagged = Map.copyOf(flagged);
        }

        public long online() {
            return total - revoked - offline;
        }
    }
}
