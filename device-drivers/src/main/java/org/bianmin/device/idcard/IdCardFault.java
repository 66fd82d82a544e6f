package org.bianmin.device.idcard;

import java.util.Locale;
import java.util.Optional;

/** Faults the ID-card simulator can inject; CLI names are the lower-case, dashed constant names. */
public enum IdCardFault {
    /** Behave like a healthy reader. */
    NONE,
    /** The field stays empty: find always fails. */
    NO_CARD,
    /** The card leaves during the read: the read fails (41) and the card is gone. */
    CARD_REMOVED_MID_READ,
    /** The read reply's checksum is wrong. */
    BAD_CHECKSUM,
    /** The read reply arrives in pieces with pauses in between (still valid). */
    SPLIT_FRAME,
    /** The read reply's LEN claims one byte more than is sent. */
    WRONG_LENGTH,
    /** The SAM module failed its self-test: every command answers 60. */
    SAM_FAILURE,
    /** The card stays in the field but cannot be read (a damaged chip): the read answers 41. */
    UNREADABLE_CARD,
    /** The card is of a type the SAM does not know: the read answers 40. */
    UNKNOWN_CARD_TYPE,
    /** The reader answers nothing at all. */
    SILENCE,
    /** Random bytes instead of the read reply. */
    GARBAGE,
    /** The cable is pulled at the read and plugged back in a second later. */
    UNPLUG;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<IdCardFault> ofCliName(String name) {
        for (IdCardFault f : values()) {
            if (f.cliName().equals(name) || f.name().equalsIgnoreCase(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
