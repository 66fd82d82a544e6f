package org.bianmin.device.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficTapTest {

    @Test
    void listenersSeeBothDirectionsAndAFailingListenerDoesNotBreakTheLink() throws Exception {
        MemoryLink link = new MemoryLink("tap");
        TrafficTap tap = new TrafficTap(link.hostEnd());
        List<String> seen = new ArrayList<>();
        tap.addListener((direction, bytes) -> {
            throw new IllegalStateException("broken view");
        });
        tap.addListener((direction, bytes) -> seen.add(direction + " " + HexFormat.of().formatHex(bytes)));
        tap.open();
        link.deviceEnd().open();
        tap.write(new byte[] {0x10, 0x04, 0x01}, Duration.ofSeconds(1));
        link.deviceEnd().write(new byte[] {0x12}, Duration.ofSeconds(1));
        byte[] reply = new byte[4];
        assertThat(tap.read(reply, 0, reply.length, Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(tap.read(reply, 0, reply.length, Duration.ZERO)).isZero();
        assertThat(seen).containsExactly("TO_DEVICE 100401", "FROM_DEVICE 12");
    }
}
