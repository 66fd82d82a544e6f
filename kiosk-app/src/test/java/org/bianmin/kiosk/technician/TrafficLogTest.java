package org.bianmin.kiosk.technician;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import org.bianmin.device.config.Driver;
import org.bianmin.device.idcard.Command;
import org.bianmin.device.idcard.FrameCodec;
import org.bianmin.device.transport.TrafficTap.Direction;
import org.junit.jupiter.api.Test;

class TrafficLogTest {

    private static final String SECRET = "110105199003071239";
    private final TrafficLog log = new TrafficLog(Clock.systemUTC());

    @Test
    void commandsAreShownWholeAndReplyDataOnlyCounted() {
        log.record("idcard", Driver.IDCARD, Direction.TO_DEVICE, FrameCodec.request(Command.READ_TEXT_PHOTO));
        byte[] data = new byte[300];
        byte[] text = SECRET.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(text, 0, data, 10, text.length);
        log.record("idcard", Driver.IDCARD, Direction.FROM_DEVICE, FrameCodec.reply(0x90, data));

        assertThat(log.lines()).hasSize(2);
        assertThat(log.lines().getFirst().decoded()).isEqualTo("READ_TEXT_PHOTO");
        assertThat(log.lines().getFirst().hex()).startsWith("AA AA AA 96 69 00 03 30 01");
        TrafficLog.Line reply = log.lines().get(1);
        assertThat(reply.decoded()).startsWith("reply SUCCESS").endsWith("300 data bytes");
        assertThat(reply.hex()).startsWith("AA AA AA 96 69").endsWith("(300 bytes masked)");
        assertThat(reply.toString()).doesNotContain(HexFormat.of().withUpperCase().formatHex(text, 0, 4));
    }

    @Test
    void aFrameInPiecesIsOneLineAndGarbageIsNamedNotShown() {
        byte[] frame = FrameCodec.request(Command.SAM_STATUS);
        log.record("idcard", Driver.IDCARD, Direction.TO_DEVICE, Arrays.copyOfRange(frame, 0, 4));
        assertThat(log.lines()).isEmpty();
        log.record("idcard", Driver.IDCARD, Direction.TO_DEVICE, Arrays.copyOfRange(frame, 4, frame.length));
        assertThat(log.lines()).singleElement().extracting(TrafficLog.Line::decoded).isEqualTo("SAM_STATUS");

        log.record("idcard", Driver.IDCARD, Direction.FROM_DEVICE, "garbage from a wrong baud rate".getBytes(
                StandardCharsets.US_ASCII));
        assertThat(log.lines().getLast().decoded()).startsWith("no frame:");
        assertThat(log.lines().getLast().hex()).isEmpty();

        byte[] corrupt = FrameCodec.reply(0x90, new byte[] {1, 2, 3});
        corrupt[corrupt.length - 1] ^= 0x55;
        log.record("idcard", Driver.IDCARD, Direction.FROM_DEVICE, corrupt);
        assertThat(log.lines()).extracting(TrafficLog.Line::decoded).anyMatch(d -> d.contains("BAD_CHECKSUM"));
    }

    @Test
    void receiptsAndScansAreCountedStatusIsShown() {
        log.record("printer", Driver.PRINTER, Direction.TO_DEVICE, new byte[] {0x10, 0x04, 0x01});
        log.record("printer", Driver.PRINTER, Direction.FROM_DEVICE, new byte[] {0x16});
        log.record("printer", Driver.PRINTER, Direction.TO_DEVICE, ("姓名 " + SECRET).getBytes(
                StandardCharsets.UTF_8));
        log.record("scanner", Driver.SCANNER, Direction.FROM_DEVICE, SECRET.getBytes(StandardCharsets.US_ASCII));

        assertThat(log.lines()).extracting(TrafficLog.Line::decoded).containsExactly(
                "DLE EOT (real-time status request)", "status reply", "print data, 25 bytes (content masked)",
                "scan data, 18 bytes (masked)");
        assertThat(log.lines().getFirst().hex()).isEqualTo("10 04 01");
        assertThat(log.lines().toString()).doesNotContain(SECRET, "31 31 30 31");
    }

    @Test
    void onlyTheMostRecentLinesAreKept() {
        for (int i = 0; i < TrafficLog.KEEP + 50; i++) {
            log.record("printer", Driver.PRINTER, Direction.FROM_DEVICE, new byte[] {(byte) i});
        }
        assertThat(log.lines()).hasSize(TrafficLog.KEEP);
        log.close();
        assertThat(log.lines()).isEmpty();
    }
}
