package org.bianmin.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Byte-exact checks against the frames in the protocol reference. */
class FrameCodecTest {

    @ParameterizedTest
    @CsvSource({
        "RESET_SAM, AA AA AA 96 69 00 03 10 FF EC",
        "SAM_STATUS, AA AA AA 96 69 00 03 11 FF ED",
        "READ_SAM_ID, AA AA AA 96 69 00 03 12 FF EE",
        "FIND_CARD, AA AA AA 96 69 00 03 20 01 22",
        "SELECT_CARD, AA AA AA 96 69 00 03 20 02 21",
        "READ_TEXT_PHOTO, AA AA AA 96 69 00 03 30 01 32",
        "READ_TEXT_PHOTO_FINGERPRINT, AA AA AA 96 69 00 03 30 10 23",
        "SET_MAX_RF_BYTES, AA AA AA 96 69 00 04 61 FF 50 CA",
    })
    void requestsMatchTheReferenceBytes(Command command, String expected) {
        assertThat(Hex.of(FrameCodec.request(command))).isEqualTo(expected);
    }

    @Test
    void repliesSeenOnTheWireAreEncodedAndDecodedExactly() {
        String samOk = "AA AA AA 96 69 00 04 00 00 90 94";
        String found = "AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97";
        String selected = "AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C";
        assertThat(Hex.of(FrameCodec.reply(0x90, new byte[0]))).isEqualTo(samOk);
        assertThat(Hex.of(FrameCodec.reply(0x9F, new byte[4]))).isEqualTo(found);
        assertThat(Hex.of(FrameCodec.reply(0x90, new byte[8]))).isEqualTo(selected);

        assertThat(replyOf(Hex.bytes(samOk)).status()).isEqualTo(StatusCode.SUCCESS);
        assertThat(replyOf(Hex.bytes(found)).status()).isEqualTo(StatusCode.CARD_FOUND);
        assertThat(replyOf(Hex.bytes(selected)).data()).hasSize(8);
    }

    @Test
    void aTextAndPhotoReplyIs1295BytesWithTextAt14AndPhotoAt270() throws Exception {
        IdentityCard card = CardFiles.sample("resident.json");
        byte[] text = CardText.encode(card);
        byte[] frame = FrameCodec.reply(0x90, CardReply.join(text, card.photo().bytes(), Optional.empty()));
        assertThat(frame).hasSize(1295);
        assertThat(Hex.of(Arrays.copyOf(frame, 14))).isEqualTo("AA AA AA 96 69 05 08 00 00 90 01 00 04 00");
        assertThat(Arrays.copyOfRange(frame, 14, 270)).isEqualTo(text);
        assertThat(Arrays.copyOfRange(frame, 270, 1294)).isEqualTo(card.photo().bytes());
        assertThat(replyOf(frame).data()).hasSize(1284);
    }

    @Test
    void garbageBeforeAFrameIsSkippedAndAPartialPreambleIsKept() {
        byte[] frame = Hex.bytes("AA AA AA 96 69 00 04 00 00 90 94");
        byte[] noisy = new byte[frame.length + 4];
        noisy[0] = 0x13;
        noisy[1] = (byte) 0xAA;
        noisy[2] = (byte) 0xAA;
        noisy[3] = 0x00;
        System.arraycopy(frame, 0, noisy, 4, frame.length);
        assertThat(FrameCodec.decode(noisy, noisy.length))
                .isInstanceOfSatisfying(FrameCodec.Decoded.Frame.class, f -> assertThat(f.consumed()).isEqualTo(15));
        assertThat(FrameCodec.decode(frame, 3)).isEqualTo(new FrameCodec.Decoded.Incomplete(0));
        assertThat(FrameCodec.decode(frame, 9)).isEqualTo(new FrameCodec.Decoded.Incomplete(0));
    }

    @Test
    void badChecksumTooShortAndOversizedAreTyped() {
        byte[] bad = Hex.bytes("AA AA AA 96 69 00 04 00 00 90 95");
        assertThat(FrameCodec.decode(bad, bad.length))
                .isEqualTo(new FrameCodec.Decoded.Invalid(FrameCodec.FrameError.BAD_CHECKSUM, 5));
        byte[] shortLen = Hex.bytes("AA AA AA 96 69 00 01 00");
        assertThat(FrameCodec.decode(shortLen, shortLen.length))
                .isEqualTo(new FrameCodec.Decoded.Invalid(FrameCodec.FrameError.TOO_SHORT, 5));
        byte[] huge = Hex.bytes("AA AA AA 96 69 FF FF 00");
        assertThat(FrameCodec.decode(huge, huge.length))
                .isEqualTo(new FrameCodec.Decoded.Invalid(FrameCodec.FrameError.OVERSIZED, 5));
    }

    @Test
    void everyStatusCodeOfTheReferenceMapsToATypedOutcome() {
        int[] codes = {0x90, 0x9F, 0x80, 0x81, 0x41, 0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x40, 0x60,
            0x66, 0x91};
        for (int code : codes) {
            assertThat(StatusCode.of(code)).isNotEqualTo(StatusCode.UNRECOGNISED);
            assertThat(StatusCode.of(code).code()).isEqualTo(code);
        }
        assertThat(StatusCode.of(0x55)).isEqualTo(StatusCode.UNRECOGNISED);
        assertThat(new Reply(0x01, 0, 0x90, new byte[0]).status()).isEqualTo(StatusCode.UNRECOGNISED);
    }

    private static Reply replyOf(byte[] frame) {
        FrameCodec.Decoded decoded = FrameCodec.decode(frame, frame.length);
        assertThat(decoded).isInstanceOf(FrameCodec.Decoded.Frame.class);
        return Reply.ofBody(((FrameCodec.Decoded.Frame) decoded).body()).orElseThrow();
    }
}
