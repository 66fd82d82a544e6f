package org.bianmin.device.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;

/** Checks shared by every transport's test: bytes cross both ways, and a timed-out read is 0, not an error. */
final class TransportContract {

    private TransportContract() {}

    static void roundTrip(Transport host, Transport device) throws TransportException {
        byte[] request = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69, 0x00, 0x03, 0x11, (byte) 0xFF};
        host.write(request, Duration.ofSeconds(1));
        assertThat(readFully(device, request.length)).isEqualTo(request);

        byte[] reply = new byte[3000];
        Arrays.fill(reply, (byte) 0x5A);
        device.write(reply, Duration.ofSeconds(2));
        assertThat(readFully(host, reply.length)).isEqualTo(reply);

        assertThat(host.read(new byte[8], 0, 8, Duration.ofMillis(30))).isZero();
        assertThat(host.read(new byte[8], 0, 8, Duration.ZERO)).isZero();
    }

    static byte[] readFully(Transport transport, int length) throws TransportException {
        byte[] buffer = new byte[length];
        int got = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (got < length && System.nanoTime() < deadline) {
            got += transport.read(buffer, got, length - got, Duration.ofMillis(200));
        }
        return Arrays.copyOf(buffer, got);
    }
}
