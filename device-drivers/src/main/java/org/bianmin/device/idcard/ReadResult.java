package org.bianmin.device.idcard;

/** The outcome of one {@link IdCardReader#read}: a card, no card before the timeout, or a typed failure. */
public sealed interface ReadResult {

    /** A card was read and parsed. Call {@link IdentityCard#clear()} when done with it. */
    record CardRead(IdentityCard card) implements ReadResult {}

    /** No card was placed before the timeout. */
    record NoCard() implements ReadResult {}

    record Failed(Kind kind, String code, String message) implements ReadResult {}

    /** What kind of failure, which decides what the kiosk tells the user and the technician. */
    enum Kind {
        /** The port could not be opened or the reader went away: offline, the supervisor reconnects. */
        PORT,
        /** Garbage, bad checksum, wrong length, no answer: line noise or a wrong baud rate. */
        PROTOCOL,
        /** The card could not be read (not genuine, unknown type, damaged chip, unreadable text). */
        CARD,
        /** The card left the field during the read: laid down again and held still, it will read. */
        CARD_REMOVED,
        /** The reader's SAM module or the reader itself reports a fault. */
        HARDWARE,
        /** {@link IdCardReader#cancel()} or an interrupt stopped the read. */
        CANCELLED
    }
}
