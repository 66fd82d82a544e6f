package org.bianmin.device.a4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.PrinterState;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Printer answers are decoded bounded: garbage, truncation and nesting become typed errors. */
class IppCodecTest {

    static byte[] answer(List<String> reasons) {
        return IppCodec.encode(IppPacket.response(Status.successfulOk)
                .putOperationAttributes(Types.attributesCharset.of("utf-8"), Types.attributesNaturalLanguage.of("en"))
                .putPrinterAttributes(Types.printerState.of(PrinterState.stopped), Types.printerStateReasons.of(reasons),
                        Types.documentFormatSupported.of("application/pdf"))
                .build());
    }

    @Test
    void decodesAPrinterAnswerIntoTheStatusModel() throws Exception {
        A4Status s = IppPrinter.statusOf(IppCodec.decode(answer(List.of("media-empty-error", "toner-low-warning"))));
        assertThat(s.state()).isEqualTo(A4Status.State.STOPPED);
        assertThat(s.refusal()).contains(A4Status.Refusal.PAPER_OUT);
        assertThat(s.errors()).containsExactly("media-empty");
        assertThat(s.paper()).isEqualTo(org.bianmin.device.status.SupplyLevel.OUT);
        assertThat(s.toner()).isEqualTo(org.bianmin.device.status.SupplyLevel.LOW);
        assertThat(s.accepts("application/pdf")).isTrue();
    }

    @Test
    void everyReasonOfTheIssueMapsToItsRefusal() throws Exception {
        assertThat(refusal("media-jam-error")).isEqualTo(A4Status.Refusal.PAPER_JAM);
        assertThat(refusal("door-open")).isEqualTo(A4Status.Refusal.DOOR_OPEN);
        assertThat(refusal("offline-report", "offline-error")).isEqualTo(A4Status.Refusal.OFFLINE);
        assertThat(refusal("media-empty")).isEqualTo(A4Status.Refusal.PAPER_OUT);
        A4Status low = new A4Status(A4Status.State.IDLE, java.util.Set.of("media-low-warning", "toner-low-report"), "",
                true, List.of());
        assertThat(low.refusal()).as("warnings do not stop printing").isEmpty();
        assertThat(low.paper()).isEqualTo(org.bianmin.device.status.SupplyLevel.LOW);
    }

    private static A4Status.Refusal refusal(String... reasons) {
        return new A4Status(A4Status.State.IDLE, java.util.Set.of(reasons), "", true, List.of()).refusal()
                .orElseThrow();
    }

    @Test
    void truncatedAnswersAreTypedErrors() {
        byte[] whole = answer(List.of("none"));
        for (int n = 0; n < whole.length; n++) {
            byte[] part = Arrays.copyOf(whole, n);
            assertThatThrownBy(() -> IppCodec.decode(part)).as("first %d of %d bytes", n, whole.length)
                    .isInstanceOfSatisfying(IppException.class,
                            e -> assertThat(e.kind()).isEqualTo(IppException.Kind.INVALID_REPLY));
        }
    }

    @Test
    void garbageIsATypedErrorOrAPacketNeverAnUncheckedException() {
        Random random = new Random(18);
        byte[] whole = answer(List.of("media-low-warning"));
        for (int i = 0; i < 5000; i++) {
            byte[] bytes = whole.clone();
            for (int k = 0; k < 1 + random.nextInt(6); k++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            try {
                IppPrinter.statusOf(IppCodec.decode(bytes));
            } catch (IppException expected) {
                assertThat(expected.kind()).isEqualTo(IppException.Kind.INVALID_REPLY);
            }
        }
    }

    @Test
    void deeplyNestedCollectionsAreRefusedBeforeParsing() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {2, 0, 0, 0, 0, 0, 0, 1, 0x04});
        for (int i = 0; i < 100_000; i++) {
            b.writeBytes(new byte[] {0x34, 0, 1, 'c', 0, 0}); // begCollection, no end
        }
        b.write(0x03);
        assertThatThrownBy(() -> IppCodec.decode(b.toByteArray())).isInstanceOfSatisfying(IppException.class,
                e -> assertThat(e.getMessage()).contains("nested deeper than " + IppCodec.MAX_DEPTH));
    }

    @Test
    void theDocumentAfterARequestIsNotPartOfTheMessage() throws Exception {
        byte[] request = IppCodec.encode(IppPacket.printJob(java.net.URI.create("ipp://localhost/ipp/print"))
                .putOperationAttributes(Types.documentFormat.of("application/pdf")).build());
        byte[] withDocument = Arrays.copyOf(request, request.length + 4);
        System.arraycopy("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, withDocument,
                request.length, 4);
        assertThat(IppCodec.messageLength(withDocument)).isEqualTo(request.length);
        assertThat(IppCodec.decode(withDocument).getString(Tag.operationAttributes, Types.documentFormat))
                .isEqualTo("application/pdf");
    }
}
