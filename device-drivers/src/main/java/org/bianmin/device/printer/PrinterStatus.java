package org.bianmin.device.printer;

import java.util.Optional;

/**
 * A printer's real-time state from the three {@code DLE EOT} replies (n = 1, 2, 4).
 *
 * @param feedButton paper is being fed with the feed button (the printer ignores data meanwhile)
 */
public record PrinterStatus(boolean online, boolean coverOpen, boolean feedButton, boolean paperNearEnd,
        boolean paperOut, boolean error) {

    public static final PrinterStatus READY = new PrinterStatus(true, false, false, false, false, false);

    /** Why a printer cannot take a job now, most specific first. */
    public enum Refusal { COVER_OPEN, PAPER_OUT, ERROR, FEEDING, OFFLINE }

    /** A valid reply has bit 4 set and bits 0, 1 and 7 clear. */
    public static boolean isValidReply(int b) {
        return (b & 0x93) == 0x12;
    }

    /** Decodes the replies to {@code DLE EOT 1}, {@code 2} and {@code 4}. */
    public static PrinterStatus decode(int printer, int offlineCause, int paperSensor) throws StatusReplyException {
        check(1, printer);
        check(2, offlineCause);
        check(4, paperSensor);
        return new PrinterStatus(
                (printer & 0x08) == 0,
                (offlineCause & 0x04) != 0,
                (offlineCause & 0x08) != 0,
                (paperSensor & 0x0C) != 0,
                (paperSensor & 0x60) != 0 || (offlineCause & 0x20) != 0,
                (offlineCause & 0x40) != 0);
    }

    private static void check(int n, int b) throws StatusReplyException {
        if (!isValidReply(b)) {
            throw new StatusReplyException(StatusReplyException.Kind.INVALID_REPLY,
                    String.format("DLE EOT %d reply 0x%02X is not a status byte ((b & 0x93) != 0x12)", n, b & 0xFF));
        }
    }

    /** The reply byte a printer in this state sends to {@code DLE EOT n}; the virtual printer answers with it. */
    public byte reply(int n) {
        int b = 0x12;
        switch (n) {
            case 1 -> b |= online ? 0 : 0x08;
            case 2 -> b |= (coverOpen ? 0x04 : 0) | (feedButton ? 0x08 : 0) | (paperOut ? 0x20 : 0)
                    | (error ? 0x40 : 0);
            case 4 -> b |= (paperNearEnd ? 0x0C : 0) | (paperOut ? 0x60 : 0);
            default -> throw new IllegalArgumentException("DLE EOT supports n = 1, 2, 4, not " + n);
        }
        return (byte) b;
    }

    /** Empty when a job can start. */
    public Optional<Refusal> refusal() {
        if (coverOpen) {
            return Optional.of(Refusal.COVER_OPEN);
        }
        if (paperOut) {
            return Optional.of(Refusal.PAPER_OUT);
        }
        if (error) {
            return Optional.of(Refusal.ERROR);
        }
        if (feedButton) {
            return Optional.of(Refusal.FEEDING);
        }
        return online ? Optional.empty() : Optional.of(Refusal.OFFLINE);
    }

    public PrinterStatus withPaperOut(boolean out) {
        return new PrinterStatus(online && !out, coverOpen, feedButton, paperNearEnd || out, out, error);
    }

    public PrinterStatus withCoverOpen(boolean open) {
        return new PrinterStatus(online && !open, open, feedButton, paperNearEnd, paperOut, error);
    }

    public PrinterStatus withOnline(boolean on) {
        return new PrinterStatus(on, coverOpen, feedButton, paperNearEnd, paperOut, error);
    }

    public PrinterStatus withPaperNearEnd(boolean near) {
        return new PrinterStatus(online, coverOpen, feedButton, near, paperOut, error);
    }
}
