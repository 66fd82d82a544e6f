package org.bianmin.device.idcard;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.bianmin.device.sim.SimulatedPort;
import org.bianmin.device.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ID-card reader on the device end of a transport, speaking the real protocol byte for byte: a driver cannot
 * tell it from hardware. A card is placed or removed with {@link #placeCard}/{@link #removeCard}; {@link #fault}
 * injects one of the {@link IdCardFault}s. Malformed requests get the codes a reader sends (10 checksum,
 * 21 unknown command).
 */
public final class IdCardSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdCardSimulator.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration UNPLUGGED_FOR = Duration.ofSeconds(1);
    private static final byte[] SAM_ID = {0x05, 0x01, 0x00, 0x00, 0x12, 0x34, 0x56, 0x78, 0x00, 0x00, 0x00, 0x01,
        0x00, 0x00, 0x00, 0x2A};

    private final SimulatedPort port;
    private final RandomGenerator random;
    private volatile Optional<IdentityCard> card = Optional.empty();
    private volatile IdCardFault fault = IdCardFault.NONE;
    private volatile boolean haltAfterRead;
    /** The card already read, under {@link #haltAfterRead}: not found again until it leaves the field. */
    private volatile boolean halted;
    private FrameReader frames;

    public IdCardSimulator(SimulatedPort port, RandomGenerator random) {
        this.port = port;
        this.random = random;
    }

    /** Starts answering on the port (in a background thread). */
    public IdCardSimulator start() {
        port.start("idcard-simulator", p -> serveOnce());
        return this;
    }

    public void placeCard(IdentityCard card) {
        this.card = Optional.of(card);
        this.halted = false;
    }

    public void removeCard() {
        this.card = Optional.empty();
        this.halted = false;
    }

    /**
     * Readers differ after a successful read: some keep finding the card while it lies there (the default here:
     * a card left behind is visible), others, as the protocol reference describes, do not find the same card again
     * until it has left the field. {@code true} simulates the latter.
     */
    public void haltAfterRead(boolean halt) {
        this.haltAfterRead = halt;
    }

    public void fault(IdCardFault fault) {
        this.fault = fault;
    }

    private void serveOnce() throws TransportException {
        if (frames == null) {
            frames = new FrameReader(port.transport());
        }
        FrameReader.Result request;
        try {
            request = frames.next(POLL);
        } catch (TransportException e) {
            frames = null;
            throw e;
        }
        IdCardFault now = fault;
        if (now == IdCardFault.SILENCE) {
            return;
        }
        switch (request) {
            case FrameReader.Result.TimedOut t -> { }
            case FrameReader.Result.Invalid i -> send(FrameCodec.reply(
                    i.error() == FrameCodec.FrameError.BAD_CHECKSUM ? 0x10 : 0x11, new byte[0]));
            case FrameReader.Result.Frame(byte[] body) -> answer(body, now);
        }
    }

    private void answer(byte[] body, IdCardFault now) throws TransportException {
        Optional<Command> command = Command.of(body);
        if (command.isEmpty()) {
            send(FrameCodec.reply(0x21, new byte[0]));
            return;
        }
        if (now == IdCardFault.SAM_FAILURE) {
            send(FrameCodec.reply(0x60, new byte[0]));
            return;
        }
        boolean present = card.isPresent() && now != IdCardFault.NO_CARD && !halted;
        switch (command.get()) {
            case RESET_SAM, SAM_STATUS, SET_MAX_RF_BYTES -> send(FrameCodec.reply(0x90, new byte[0]));
            case READ_SAM_ID -> send(FrameCodec.reply(0x90, SAM_ID));
            case FIND_CARD -> send(present ? FrameCodec.reply(0x9F, new byte[4]) : FrameCodec.reply(0x80, new byte[0]));
            case SELECT_CARD -> send(present ? FrameCodec.reply(0x90, new byte[8]) : FrameCodec.reply(0x81, new byte[0]));
            case READ_TEXT_PHOTO, READ_TEXT_PHOTO_FINGERPRINT ->
                    read(present, command.get() == Command.READ_TEXT_PHOTO_FINGERPRINT, now);
        }
    }

    private void read(boolean present, boolean fingerprint, IdCardFault now) throws TransportException {
        if (!present || now == IdCardFault.CARD_REMOVED_MID_READ) {
            card = Optional.empty();
            send(FrameCodec.reply(0x41, new byte[0]));
            return;
        }
        if (now == IdCardFault.UNREADABLE_CARD || now == IdCardFault.UNKNOWN_CARD_TYPE) {
            send(FrameCodec.reply(now == IdCardFault.UNREADABLE_CARD ? 0x41 : 0x40, new byte[0]));
            return;
        }
        IdentityCard current = card.get();
        byte[] text = CardText.encode(current);
        byte[] photo = current.photo().bytes();
        byte[] frame = FrameCodec.reply(0x90, CardReply.join(text, photo,
                fingerprint ? Optional.of(current.fingerprint().map(CardBlob::bytes).orElse(new byte[0]))
                        : Optional.empty()));
        Arrays.fill(text, (byte) 0);
        Arrays.fill(photo, (byte) 0);
        try {
            switch (now) {
                case BAD_CHECKSUM -> {
                    frame[frame.length - 1] ^= 0x5A;
                    send(frame);
                }
                case WRONG_LENGTH -> {
                    int len = ((frame[5] & 0xFF) << 8 | (frame[6] & 0xFF)) + 1;
                    frame[5] = (byte) (len >> 8);
                    frame[6] = (byte) len;
                    frame[frame.length - 1] = FrameCodec.checksum(frame, FrameCodec.PREAMBLE.length,
                            frame.length - 1);
                    send(frame);
                }
                case SPLIT_FRAME -> port.sendInPieces(frame, random);
                case GARBAGE -> {
                    byte[] garbage = new byte[frame.length];
                    random.nextBytes(garbage);
                    send(garbage);
                }
                case UNPLUG -> {
                    fault = IdCardFault.NONE;
                    frames = null;
                    port.unplugFor(UNPLUGGED_FOR);
                    throw new TransportException(TransportException.Kind.DISCONNECTED, "simulated unplug");
                }
                default -> {
                    send(frame);
                    halted = haltAfterRead;
                }
            }
            log.debug("sent a card ({} fault)", now);
        } finally {
            Arrays.fill(frame, (byte) 0);
        }
    }

    private void send(byte[] frame) throws TransportException {
        port.send(frame);
    }

    @Override
    public void close() {
        port.close();
    }
}
