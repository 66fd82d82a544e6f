package org.bianmin.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bianmin.device.idcard.FrameTrace.Traced;

class FrameTraceTest {

    private static final String SECRET = "110105199003071239";

    @Example
    void aRequestIsKeptWholeWithItsCommand() {
        byte[] frame = FrameCodec.request(Command.READ_TEXT_PHOTO);
        assertThat(FrameTrace.requests().accept(frame)).singleElement().isInstanceOfSatisfying(Traced.Request.class,
                r -> {
                    assertThat(r.frame()).isEqualTo(frame);
                    assertThat(r.command()).contains(Command.READ_TEXT_PHOTO);
                });
    }

    @Example
    void aReplyKeepsItsHeaderAndStatusAndOnlyCountsItsData() {
        byte[] data = new byte[300];
        byte[] text = SECRET.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(text, 0, data, 10, text.length);
        byte[] frame = FrameCodec.reply(0x90, data);

        Traced traced = FrameTrace.replies().accept(frame).getFirst();

        assertThat(traced).isInstanceOfSatisfying(Traced.Reply.class, r -> {
            assertThat(r.status()).isEqualTo(StatusCode.SUCCESS);
            assertThat(r.maskedBytes()).isEqualTo(300);
            // preamble, LEN and SW1-SW3: nothing of the data, nor the checksum that depends on it
            assertThat(r.header()).isEqualTo(Arrays.copyOf(frame, 10));
        });
        byte[] tooShort = FrameCodec.encode(new byte[] {0, 0});
        assertThat(FrameTrace.replies().accept(tooShort)).singleElement().isInstanceOfSatisfying(
                Traced.ShortReply.class, r -> assertThat(r.frame()).isEqualTo(tooShort));
    }

    @Example
    void garbageIsSkippedAndACorruptFrameIsNamed() {
        FrameTrace trace = FrameTrace.replies();
        assertThat(trace.accept("garbage from a wrong baud rate".getBytes(StandardCharsets.US_ASCII)))
                .singleElement().isInstanceOf(Traced.Skipped.class);
        byte[] corrupt = FrameCodec.reply(0x90, new byte[] {1, 2, 3});
        corrupt[corrupt.length - 1] ^= 0x55;
        // the codec drops the bad frame's start; what is left of it is skipped as bytes before a frame
        assertThat(trace.accept(corrupt)).containsExactly(new Traced.Invalid(FrameCodec.FrameError.BAD_CHECKSUM, 9),
                new Traced.Skipped(corrupt.length - 9));
    }

    /** However a tap cuts the traffic, the same frames come out, in order, each once. */
    @Property
    void framesInPiecesOfAnySizeAreTheSameFrames(@ForAll @Size(min = 1, max = 6) List<Command> commands,
                                                 @ForAll @IntRange(min = 1, max = 40) int piece) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        commands.forEach(c -> wire.writeBytes(FrameCodec.request(c)));
        byte[] bytes = wire.toByteArray();
        FrameTrace trace = FrameTrace.requests();
        List<Optional<Command>> seen = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += piece) {
            trace.accept(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + piece)))
                    .forEach(t -> seen.add(((Traced.Request) t).command()));
        }
        assertThat(seen).containsExactlyElementsOf(commands.stream().map(Optional::of).toList());
    }

    @Property
    void anyBytesGiveEventsNeverAnException(@ForAll @Size(max = 600) List<byte[]> pieces) {
        FrameTrace trace = FrameTrace.replies();
        pieces.forEach(p -> assertThat(trace.accept(p)).doesNotContainNull());
    }
}
