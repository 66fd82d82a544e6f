package org.bianmin.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.sim.SimulatedPort;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.transport.MemoryLink;
import org.bianmin.device.transport.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/** The driver against the simulator over the in-memory link; the pty variant is {@link IdCardReaderPtyTest}. */
class IdCardReaderTest {

    static final java.util.List<String> SAMPLES = CardFiles.SAMPLES;

    private final MemoryLink link = new MemoryLink("idcard");
    private final DeviceStatusTracker status = new DeviceStatusTracker("idcard", Clock.systemUTC());
    private IdCardSimulator simulator;
    private IdCardReader reader;

    @BeforeEach
    void setUp() throws TransportException {
        simulator = new IdCardSimulator(new SimulatedPort(link.deviceEnd(), Optional.of(link), Optional.empty()),
                new Random(7)).start();
        link.hostEnd().open();
        IdCardReader.Options defaults = IdCardReader.Options.defaults();
        reader = new IdCardReader(link.hostEnd(), status, new IdCardReader.Options(Duration.ofMillis(20),
                Duration.ofMillis(300), defaults.line(), false, defaults.photoDecoder()));
    }

    @AfterEach
    void tearDown() {
        simulator.close();
        link.hostEnd().close();
    }

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void readsEverySampleCard(String sample) throws Exception {
        IdentityCard card = CardFiles.sample(sample);
        simulator.placeCard(card);
        ReadResult result = reader.read(Duration.ofSeconds(3));
        assertThat(result).isInstanceOfSatisfying(ReadResult.CardRead.class, read -> {
            assertThat(read.card()).usingRecursiveComparison().ignoringFields("photo", "fingerprint").isEqualTo(card);
            assertThat(read.card().photo().bytes()).isEqualTo(card.photo().bytes());
        });
        assertThat(status.current().state()).isEqualTo(DeviceState.ONLINE);
    }

    @Test
    void samStatusAndNoCardBeforeTheTimeout() {
        assertThat(reader.checkSam()).isEmpty();
        assertThat(reader.read(Duration.ofMillis(100))).isInstanceOf(ReadResult.NoCard.class);
    }

    @Test
    void fingerprintVariantReadsTheSameCard() throws Exception {
        IdCardReader.Options o = reader.options();
        IdCardReader fp = new IdCardReader(link.hostEnd(), status, new IdCardReader.Options(o.pollInterval(),
                o.commandTimeout(), o.line(), true, o.photoDecoder()));
        simulator.placeCard(CardFiles.sample("resident.json"));
        assertThat(fp.read(Duration.ofSeconds(3))).isInstanceOfSatisfying(ReadResult.CardRead.class,
                read -> assertThat(read.card().fingerprint()).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
        "NO_CARD, NO_CARD_RESULT, ",
        "CARD_REMOVED_MID_READ, CARD_REMOVED, CARD_REMOVED",
        "UNREADABLE_CARD, CARD, READ_FAILED",
        "BAD_CHECKSUM, PROTOCOL, BAD_CHECKSUM",
        "WRONG_LENGTH, PROTOCOL, TRUNCATED_REPLY",
        "SAM_FAILURE, HARDWARE, SAM_SELF_TEST_FAILED",
        "UNKNOWN_CARD_TYPE, CARD, UNKNOWN_CARD_TYPE",
        "SILENCE, PROTOCOL, NO_REPLY",
        "UNPLUG, PORT, DISCONNECTED",
    })
    void everyFaultGivesATypedOutcome(IdCardFault fault, String kind, String code) throws Exception {
        simulator.placeCard(CardFiles.sample("resident.json"));
        simulator.fault(fault);
        ReadResult result = reader.read(Duration.ofMillis(400));
        if (kind.equals("NO_CARD_RESULT")) {
            assertThat(result).isInstanceOf(ReadResult.NoCard.class);
            return;
        }
        assertThat(result).isInstanceOfSatisfying(ReadResult.Failed.class, f -> {
            assertThat(f.kind()).hasToString(kind);
            assertThat(f.code()).isEqualTo(code);
        });
        assertThat(status.current().lastError()).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void garbageIsAProtocolErrorAndTheNextReadRecovers() throws Exception {
        simulator.placeCard(CardFiles.sample("resident.json"));
        simulator.fault(IdCardFault.GARBAGE);
        assertThat(reader.read(Duration.ofMillis(500))).isInstanceOfSatisfying(ReadResult.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(ReadResult.Kind.PROTOCOL));
        simulator.fault(IdCardFault.NONE);
        assertThat(reader.read(Duration.ofSeconds(2))).isInstanceOf(ReadResult.CardRead.class);
    }

    @Test
    void aSplitFrameStillReads() throws Exception {
        simulator.placeCard(CardFiles.sample("hmt-residence.json"));
        simulator.fault(IdCardFault.SPLIT_FRAME);
        assertThat(reader.read(Duration.ofSeconds(3))).isInstanceOf(ReadResult.CardRead.class);
    }

    @Test
    void samFailureMarksTheReaderFaulty() {
        simulator.fault(IdCardFault.SAM_FAILURE);
        assertThat(reader.checkSam()).hasValueSatisfying(f -> assertThat(f.code()).isEqualTo("SAM_SELF_TEST_FAILED"));
        assertThat(status.current().state()).isEqualTo(DeviceState.HARDWARE_ERROR);
    }

    @Test
    void aCardLeftOnTheReaderIsAUserErrorUntilTaken() throws Exception {
        simulator.placeCard(CardFiles.sample("resident.json"));
        assertThat(reader.read(Duration.ofSeconds(2))).isInstanceOf(ReadResult.CardRead.class);
        assertThat(reader.awaitRemoval(Duration.ofMillis(100))).isEqualTo(IdCardReader.Removal.STILL_PRESENT);
        assertThat(status.current().state()).isEqualTo(DeviceState.USER_ERROR);
        simulator.removeCard();
        assertThat(reader.awaitRemoval(Duration.ofSeconds(2))).isEqualTo(IdCardReader.Removal.REMOVED);
        assertThat(status.current().state()).isEqualTo(DeviceState.ONLINE);
    }

    @Test
    void aCardLeftBehindAfterTheVisitIsNotReadAgainUntilItHasLeft() throws Exception {
        reader.expectRemoval();
        assertThat(reader.cardLeftBehind()).as("nothing read yet: nothing left behind").isFalse();
        simulator.placeCard(CardFiles.sample("resident.json"));
        assertThat(reader.read(Duration.ofSeconds(2))).isInstanceOf(ReadResult.CardRead.class);

        reader.expectRemoval(); // the visit ended with the card on the reader
        assertThat(reader.cardLeftBehind()).isTrue();
        assertThat(reader.read(Duration.ofMillis(200))).as("the next citizen's read").isInstanceOf(ReadResult.NoCard.class);
        assertThat(status.current().state()).isEqualTo(DeviceState.USER_ERROR);

        simulator.removeCard();
        assertThat(reader.awaitRemoval(Duration.ofSeconds(2))).isEqualTo(IdCardReader.Removal.REMOVED);
        assertThat(reader.cardLeftBehind()).isFalse();
        assertThat(status.current().state()).isEqualTo(DeviceState.ONLINE);
        simulator.placeCard(CardFiles.sample("resident.json"));
        assertThat(reader.read(Duration.ofSeconds(2))).as("placed again: a new visit").isInstanceOf(ReadResult.CardRead.class);
    }

    @Test
    void aReaderThatHaltsTheReadCardReportsRemovalAtOnceAndFindsItAgainWhenReplaced() throws Exception {
        IdentityCard card = CardFiles.sample("resident.json");
        simulator.haltAfterRead(true);
        simulator.placeCard(card);
        assertThat(reader.read(Duration.ofSeconds(2))).isInstanceOf(ReadResult.CardRead.class);
        assertThat(reader.awaitRemoval(Duration.ofSeconds(1))).isEqualTo(IdCardReader.Removal.REMOVED);
        assertThat(reader.read(Duration.ofMillis(100))).isInstanceOf(ReadResult.NoCard.class);
        simulator.removeCard();
        simulator.placeCard(card);
        assertThat(reader.read(Duration.ofSeconds(2))).isInstanceOf(ReadResult.CardRead.class);
    }

    @Test
    void aSamProbeDoesNotWaitForARead() throws Exception {
        CompletableFuture<ReadResult> waiting =
                CompletableFuture.supplyAsync(() -> reader.read(Duration.ofSeconds(30)));
        while (status.current().state() != DeviceState.ONLINE) {
            Thread.onSpinWait();
        }
        assertThat(reader.checkSam())
                .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(ReadResult.Kind.CANCELLED));
        reader.cancel();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(ReadResult.Failed.class);
    }

    @Test
    void cancelStopsAWaitingRead() throws Exception {
        IdCardReader.Options o = reader.options();
        IdCardReader slow = new IdCardReader(link.hostEnd(), status, new IdCardReader.Options(Duration.ofSeconds(30),
                o.commandTimeout(), o.line(), false, o.photoDecoder()));
        CompletableFuture<ReadResult> pending = CompletableFuture.supplyAsync(() -> slow.read(Duration.ofMinutes(5)));
        while (status.current().state() != DeviceState.ONLINE) {
            Thread.onSpinWait();
        }
        slow.cancel();
        assertThat(pending.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(ReadResult.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(ReadResult.Kind.CANCELLED));
    }
}
