package org.bianmin.device.idcard;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.transport.SerialSettings;
import org.bianmin.device.transport.Transport;
import org.bianmin.device.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GA 450-style ID-card reader on an open {@link Transport}: finds, selects and reads cards, and reports its
 * health to a {@link DeviceStatusTracker}. Every call is bounded by its timeout and by {@link #cancel()}; one call
 * runs at a time (others wait their turn). The transport's lifecycle belongs to the caller (the supervisor).
 */
public final class IdCardReader {

    private static final Logger log = LoggerFactory.getLogger(IdCardReader.class);
    /** Largest reply: text + photo + fingerprint frame. */
    private static final int LARGEST_REPLY = FrameCodec.HEADER + 3 + 6 + 256 + 1024 + 1024 + 1;

    /**
     * @param pollInterval   pause between two "find card" requests while waiting for a card
     * @param commandTimeout how long a short command (SAM status, find, select) may take to answer
     * @param line           the serial settings, to allow for the wire time of the large read reply
     * @param readFingerprint use {@code 30 10} (text, photo and fingerprint) instead of {@code 30 01}
     * @param photoDecoder   decoder for the WLT photo; {@link PhotoDecoder#none()} when none is licensed
     */
    public record Options(Duration pollInterval, Duration commandTimeout, SerialSettings line,
                          boolean readFingerprint, PhotoDecoder photoDecoder) {
        public Options {
            Objects.requireNonNull(pollInterval, "pollInterval");
            Objects.requireNonNull(commandTimeout, "commandTimeout");
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(photoDecoder, "photoDecoder");
        }

        public static Options defaults() {
            return new Options(Duration.ofMillis(300), Duration.ofMillis(800), SerialSettings.of8N1(115200), false,
                    PhotoDecoder.none());
        }

        Duration readTimeout() {
            return commandTimeout.plus(Duration.ofNanos((long) (line.wireSeconds(LARGEST_REPLY) * 2e9)));
        }
    }

    /** The outcome of waiting for the card to be taken away. */
    public enum Removal { REMOVED, STILL_PRESENT, FAILED, CANCELLED }

    private final Transport transport;
    private final DeviceStatusTracker status;
    private volatile Options options;
    private final FrameReader frames;
    private final ReentrantLock busy = new ReentrantLock();
    private final ReentrantLock wakeLock = new ReentrantLock();
    private final Condition woken = wakeLock.newCondition();
    private volatile boolean cancelled;
    /** A card was read and the reader has not seen the field empty since. */
    private volatile boolean cardIn;
    /** The card read belongs to a visit that is over: not to be read again, only to be taken away. */
    private volatile boolean leftBehind;

    public IdCardReader(Transport transport, DeviceStatusTracker status, Options options) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.status = Objects.requireNonNull(status, "status");
        this.options = Objects.requireNonNull(options, "options");
        this.frames = new FrameReader(transport);
    }

    public Options options() {
        return options;
    }

    /** New settings (the technician edited the config); a call in progress finishes with the old ones. */
    public void reconfigure(Options next) {
        options = Objects.requireNonNull(next, "next");
    }

    /** Stops the call in progress at its next step (at most one command timeout later). */
    public void cancel() {
        cancelled = true;
        wakeLock.lock();
        try {
            woken.signalAll();
        } finally {
            wakeLock.unlock();
        }
    }

    /**
     * The visit the last card was read for is over. If that card has not been seen to leave, it is not read again:
     * {@link #read} answers {@link ReadResult.NoCard} while it lies there (the next citizen never gets the previous
     * one's identity) and the status says {@link DeviceState#USER_ERROR} ("please take your card") as soon as a
     * look at the field finds it; both end when the field is found empty. Safe from any thread.
     */
    public void expectRemoval() {
        if (cardIn) {
            leftBehind = true;
        }
    }

    /** True while a card of a visit that is over may still lie on the reader ({@link #expectRemoval}). */
    public boolean cardLeftBehind() {
        return leftBehind;
    }

    /**
     * Asks the SAM module for its status; empty when it is fine. Marks the reader online or faulty. While another
     * call is using the reader it does not wait: it returns a {@code CANCELLED} failure (the reader is busy, which
     * a supervisor's probe counts as alive).
     */
    public Optional<ReadResult.Failed> checkSam() {
        return exclusive(() -> {
            Step step = exchange(Command.SAM_STATUS, options.commandTimeout());
            if (step instanceof Step.Fail(ReadResult.Failed failed)) {
                return Optional.of(report(failed));
            }
            Reply reply = ((Step.Ok) step).reply();
            if (reply.status() != StatusCode.SUCCESS) {
                return Optional.of(report(failure(reply)));
            }
            markOnline();
            return Optional.empty();
        }, () -> Optional.of(cancelledResult()), Duration.ZERO);
    }

    /** Waits up to {@code timeout} for a card, polling every {@link Options#pollInterval()}, and reads it. */
    public ReadResult read(Duration timeout) {
        return exclusive(() -> {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                ReadResult result = attempt();
                if (!(result instanceof ReadResult.NoCard)) {
                    return result;
                }
                if (!pause(deadline)) {
                    return cancelled ? cancelledResult() : result;
                }
            }
        }, this::cancelledResult, options.readTimeout().multipliedBy(2));
    }

    /**
     * After a read, waits for the card to leave the field (find fails once it has). A card still there at the
     * timeout puts the reader in {@link DeviceState#USER_ERROR} ("please take your card") until it is taken.
     */
    public Removal awaitRemoval(Duration timeout) {
        return exclusive(() -> {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Step step = exchange(Command.FIND_CARD, options.commandTimeout());
                if (step instanceof Step.Fail(ReadResult.Failed failed)) {
                    report(failed);
                    return failed.kind() == ReadResult.Kind.CANCELLED ? Removal.CANCELLED : Removal.FAILED;
                }
                StatusCode code = ((Step.Ok) step).reply().status();
                if (code == StatusCode.FIND_FAILED) {
                    fieldEmpty();
                    return Removal.REMOVED;
                }
                if (code != StatusCode.CARD_FOUND) {
                    report(failure(((Step.Ok) step).reply()));
                    return Removal.FAILED;
                }
                if (leftBehind) {
                    status.state(DeviceState.USER_ERROR, "card left on the reader");
                }
                if (!pause(deadline)) {
                    if (cancelled) {
                        return Removal.CANCELLED;
                    }
                    status.state(DeviceState.USER_ERROR, "card left on the reader");
                    return Removal.STILL_PRESENT;
                }
            }
        }, () -> Removal.CANCELLED, options.readTimeout().multipliedBy(2));
    }

    /** One find → select → read cycle. */
    private ReadResult attempt() {
        Step found = exchange(Command.FIND_CARD, options.commandTimeout());
        if (found instanceof Step.Fail(ReadResult.Failed failed)) {
            return report(failed);
        }
        Reply findReply = ((Step.Ok) found).reply();
        if (findReply.status() == StatusCode.FIND_FAILED) {
            fieldEmpty();
            return new ReadResult.NoCard();
        }
        if (findReply.status() != StatusCode.CARD_FOUND) {
            return report(failure(findReply));
        }
        if (leftBehind) {
            status.state(DeviceState.USER_ERROR, "card left on the reader");
            return new ReadResult.NoCard();
        }
        status.state(DeviceState.BUSY, "reading a card");
        Step selected = exchange(Command.SELECT_CARD, options.commandTimeout());
        if (selected instanceof Step.Fail(ReadResult.Failed failed)) {
            return report(failed);
        }
        if (((Step.Ok) selected).reply().status() != StatusCode.SUCCESS) {
            return report(removedOr(failure(((Step.Ok) selected).reply())));
        }
        Command readCommand = options.readFingerprint()
                ? Command.READ_TEXT_PHOTO_FINGERPRINT : Command.READ_TEXT_PHOTO;
        Step read = exchange(readCommand, options.readTimeout());
        if (read instanceof Step.Fail(ReadResult.Failed failed)) {
            return report(failed);
        }
        Reply reply = ((Step.Ok) read).reply();
        try {
            if (reply.status() != StatusCode.SUCCESS) {
                return report(removedOr(failure(reply)));
            }
            return parse(reply.data());
        } finally {
            reply.clear();
        }
    }

    /**
     * A card error during select or read is the same code (41, 81) whether the card is damaged or was pulled away;
     * only a second look tells them apart: if "find" no longer sees a card, it left the field mid-read.
     */
    private ReadResult.Failed removedOr(ReadResult.Failed failed) {
        if (failed.kind() != ReadResult.Kind.CARD) {
            return failed;
        }
        Step found = exchange(Command.FIND_CARD, options.commandTimeout());
        if (found instanceof Step.Ok(Reply reply) && reply.status() == StatusCode.FIND_FAILED) {
            return new ReadResult.Failed(ReadResult.Kind.CARD_REMOVED, "CARD_REMOVED",
                    failed.message() + "; the card left the field during the read");
        }
        return failed;
    }

    private ReadResult parse(byte[] data) {
        CardReply.Split split = CardReply.split(data, options.readFingerprint());
        if (split instanceof CardReply.Split.Malformed(String message)) {
            return report(new ReadResult.Failed(ReadResult.Kind.PROTOCOL, "MALFORMED_REPLY", message));
        }
        CardReply.Split.Parts parts = (CardReply.Split.Parts) split;
        try {
            CardText.Parse parse = CardText.parse(parts.text(), new CardBlob(parts.photo()),
                    parts.fingerprint().map(CardBlob::new));
            return switch (parse) {
                case CardText.Parse.Rejected r -> report(new ReadResult.Failed(ReadResult.Kind.CARD,
                        r.reason() == CardText.Reason.UNKNOWN_CARD_TYPE ? "UNKNOWN_CARD_TYPE" : "BAD_CARD_DATA",
                        r.message()));
                case CardText.Parse.Parsed p -> {
                    status.state(DeviceState.ONLINE, transport.name());
                    cardIn = true;
                    log.info("{}: read {}", transport.name(), p.card());
                    yield new ReadResult.CardRead(p.card());
                }
            };
        } finally {
            parts.clear();
        }
    }

    /** One request and its reply, or why there is none. */
    private sealed interface Step {
        record Ok(Reply reply) implements Step {}

        record Fail(ReadResult.Failed failed) implements Step {}
    }

    private Step exchange(Command command, Duration timeout) {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            return new Step.Fail(cancelledResult());
        }
        try {
            transport.discardInput();
            frames.reset();
            transport.write(FrameCodec.request(command), options.commandTimeout());
            FrameReader.Result result = frames.next(timeout);
            return switch (result) {
                case FrameReader.Result.Frame(byte[] body) -> Reply.ofBody(body)
                        .<Step>map(Step.Ok::new)
                        .orElseGet(() -> protocolFailure("SHORT_REPLY", command + ": reply without status bytes"));
                case FrameReader.Result.Invalid(FrameCodec.FrameError error) ->
                        protocolFailure(error.name(), command + ": " + error);
                case FrameReader.Result.TimedOut(boolean partial) -> partial
                        ? protocolFailure("TRUNCATED_REPLY", command + ": incomplete or unreadable reply")
                        : protocolFailure("NO_REPLY", command + ": no reply in " + timeout.toMillis() + " ms");
            };
        } catch (TransportException e) {
            return new Step.Fail(new ReadResult.Failed(ReadResult.Kind.PORT, e.kind().name(), e.getMessage()));
        }
    }

    private static Step protocolFailure(String code, String message) {
        return new Step.Fail(new ReadResult.Failed(ReadResult.Kind.PROTOCOL, code, message));
    }

    private static ReadResult.Failed failure(Reply reply) {
        StatusCode code = reply.status();
        ReadResult.Kind kind = switch (code.category()) {
            case HARDWARE -> ReadResult.Kind.HARDWARE;
            case CARD, NO_CARD -> ReadResult.Kind.CARD;
            case PROTOCOL, OK -> ReadResult.Kind.PROTOCOL;
        };
        return new ReadResult.Failed(kind, code.name(),
                String.format("reader answered %02X %02X %02X (%s)", reply.sw1(), reply.sw2(), reply.sw3(), code));
    }

    /** Find fails once the card has left: a "card left on the reader" error is over, and the next card is new. */
    private void fieldEmpty() {
        cardIn = false;
        leftBehind = false;
        status.state(DeviceState.ONLINE, transport.name());
    }

    /** Online, unless a card is still waiting to be taken (that only clears when it is). */
    private void markOnline() {
        if (status.current().state() != DeviceState.USER_ERROR) {
            status.state(DeviceState.ONLINE, transport.name());
        }
    }

    /** Records a failure in the status and returns it. */
    private ReadResult.Failed report(ReadResult.Failed failed) {
        DeviceState state = switch (failed.kind()) {
            case PORT -> DeviceState.OFFLINE;
            case HARDWARE -> DeviceState.HARDWARE_ERROR;
            case PROTOCOL, CARD, CARD_REMOVED, CANCELLED -> DeviceState.ONLINE;
        };
        if (failed.kind() != ReadResult.Kind.CANCELLED) {
            status.error(state, failed.code(), failed.message());
            log.warn("{}: {} {}", transport.name(), failed.code(), failed.message());
        }
        return failed;
    }

    private ReadResult.Failed cancelledResult() {
        return new ReadResult.Failed(ReadResult.Kind.CANCELLED, "CANCELLED", "read cancelled");
    }

    /** Sleeps one poll interval unless cancelled; false when the deadline has passed or the call was cancelled. */
    private boolean pause(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || cancelled) {
            return false;
        }
        wakeLock.lock();
        try {
            long wait = Math.min(left, options.pollInterval().toNanos());
            while (wait > 0 && !cancelled) {
                wait = woken.awaitNanos(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
        } finally {
            wakeLock.unlock();
        }
        return !cancelled && deadline - System.nanoTime() > 0;
    }

    /** Runs {@code body} alone, waiting up to {@code wait} for a call in progress; {@code whenBusy} otherwise. */
    private <T> T exclusive(java.util.function.Supplier<T> body, java.util.function.Supplier<T> whenBusy,
                            Duration wait) {
        try {
            if (!busy.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                return whenBusy.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return whenBusy.get();
        }
        try {
            cancelled = false;
            return body.get();
        } finally {
            busy.unlock();
        }
    }
}
