package org.bianmin.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.bianmin.device.sim.SimulatedPort;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.transport.PtyPair;
import org.bianmin.device.transport.SerialSettings;
import org.bianmin.device.transport.SerialTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver and the simulator on the two ends of a socat pty pair, both opened with jSerialComm. */
class IdCardReaderPtyTest {

    @TempDir
    Path dir;

    @Test
    void readsCardsAndReportsFaultsOverARealSerialStack() throws Exception {
        SerialSettings line = SerialSettings.of8N1(115200);
        try (PtyPair pair = PtyPair.start(dir);
             SerialTransport host = new SerialTransport(pair.hostPath().toString(), line);
             IdCardSimulator simulator = new IdCardSimulator(new SimulatedPort(
                     new SerialTransport(pair.devicePath().toString(), line), Optional.of(pair), Optional.of(line)),
                     new Random(3)).start()) {
            host.open();
            DeviceStatusTracker status = new DeviceStatusTracker("idcard", Clock.systemUTC());
            IdCardReader reader = new IdCardReader(host, status, IdCardReader.Options.defaults());

            assertThat(reader.checkSam()).isEmpty();
            assertThat(reader.read(Duration.ofMillis(200))).isInstanceOf(ReadResult.NoCard.class);

            for (String sample : CardFiles.SAMPLES) {
                IdentityCard card = CardFiles.sample(sample);
                simulator.placeCard(card);
                assertThat(reader.read(Duration.ofSeconds(3))).isInstanceOfSatisfying(ReadResult.CardRead.class,
                        read -> assertThat(read.card().idNumber()).isEqualTo(card.idNumber()));
            }

            simulator.fault(IdCardFault.BAD_CHECKSUM);
            assertThat(reader.read(Duration.ofSeconds(2))).isInstanceOfSatisfying(ReadResult.Failed.class,
                    f -> assertThat(f.code()).isEqualTo("BAD_CHECKSUM"));
            simulator.fault(IdCardFault.SPLIT_FRAME);
            assertThat(reader.read(Duration.ofSeconds(3))).isInstanceOf(ReadResult.CardRead.class);
        }
    }
}
