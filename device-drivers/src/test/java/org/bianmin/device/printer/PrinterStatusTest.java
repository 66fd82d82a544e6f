package org.bianmin.device.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PrinterStatusTest {

    @Test
    void decodesTheDocumentedBits() throws Exception {
        assertThat(PrinterStatus.decode(0x12, 0x12, 0x12)).isEqualTo(PrinterStatus.READY);
        PrinterStatus s = PrinterStatus.decode(0x1A, 0x16, 0x1E);
        assertThat(s.online()).isFalse();
        assertThat(s.coverOpen()).isTrue();
        assertThat(s.paperNearEnd()).isTrue();
        assertThat(s.paperOut()).isFalse();
        assertThat(PrinterStatus.decode(0x1A, 0x32, 0x72).paperOut()).isTrue();
        assertThat(PrinterStatus.decode(0x12, 0x52, 0x12).error()).isTrue();
        assertThat(PrinterStatus.decode(0x12, 0x1A, 0x12).feedButton()).isTrue();
    }

    @Test
    void rejectsBytesThatAreNotStatus() {
        assertThatThrownBy(() -> PrinterStatus.decode(0x00, 0x12, 0x12))
                .isInstanceOf(StatusReplyException.class)
                .hasMessageContaining("0x00")
                .satisfies(e -> assertThat(((StatusReplyException) e).kind())
                        .isEqualTo(StatusReplyException.Kind.INVALID_REPLY));
        assertThatThrownBy(() -> PrinterStatus.decode(0x12, 0x93, 0x12)).isInstanceOf(StatusReplyException.class);
    }

    @Test
    void refusalNamesTheMostSpecificCause() {
        assertThat(PrinterStatus.READY.refusal()).isEmpty();
        assertThat(PrinterStatus.READY.withCoverOpen(true).refusal()).contains(PrinterStatus.Refusal.COVER_OPEN);
        assertThat(PrinterStatus.READY.withPaperOut(true).refusal()).contains(PrinterStatus.Refusal.PAPER_OUT);
        assertThat(PrinterStatus.READY.withOnline(false).refusal()).contains(PrinterStatus.Refusal.OFFLINE);
        assertThat(PrinterStatus.READY.withPaperNearEnd(true).refusal()).isEmpty();
    }

    @Property
    void repliesRoundTrip(@ForAll boolean online, @ForAll boolean cover, @ForAll boolean feed, @ForAll boolean near,
            @ForAll boolean out, @ForAll boolean error) throws Exception {
        PrinterStatus s = new PrinterStatus(online, cover, feed, near || out, out, error);
        assertThat(PrinterStatus.decode(s.reply(1), s.reply(2), s.reply(4))).isEqualTo(s);
    }

    @Property
    void everyByteIsEitherAValidReplyOrATypedError(@ForAll byte b) {
        if (PrinterStatus.isValidReply(b & 0xFF)) {
            assertThat(b & 0x10).isNotZero();
        } else {
            assertThatThrownBy(() -> PrinterStatus.decode(b & 0xFF, 0x12, 0x12))
                    .isInstanceOf(StatusReplyException.class);
        }
    }
}
