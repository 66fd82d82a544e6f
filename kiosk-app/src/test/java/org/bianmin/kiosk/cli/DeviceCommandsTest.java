package org.bianmin.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.transport.PtyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kioskctl's device commands end to end: {@code sim …} on one end of a socat pty pair, the reader on the other. */
class DeviceCommandsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private PtyPair pair;

    @BeforeEach
    void setUp() throws Exception {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        pair = PtyPair.start(dir.resolve("pty"));
    }

    @AfterEach
    void tearDown() throws Exception {
        background.shutdown();
        assertThat(background.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        pair.close();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private Future<Integer> simulate(String... args) {
        return background.submit(() -> KioskCtl.run(args));
    }

    private JsonNode jsonLine() throws Exception {
        String line = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{")).findFirst()
                .orElseThrow();
        return new ObjectMapper().readTree(line);
    }

    @Test
    void readsASimulatedCardAsMaskedJson() throws Exception {
        Future<Integer> sim = simulate("sim", "idcard", "--port", pair.devicePath().toString(), "--card",
                "resident.json", "--duration", "3");
        assertThat(KioskCtl.run("idcard", "read", "--port", pair.hostPath().toString(), "--timeout", "2.5",
                "--json")).isZero();
        JsonNode card = jsonLine();
        assertThat(card.get("cardType").asText()).isEqualTo("RESIDENT");
        assertThat(card.get("name").asText()).isEqualTo("测试样卡");
        assertThat(card.get("gender").asText()).isEqualTo("MALE");
        assertThat(card.get("nation").asText()).isEqualTo("汉");
        assertThat(card.get("birthDate").asText()).isEqualTo("1990-03-07");
        assertThat(card.get("idNumber").asText()).isEqualTo("110105********1239");
        assertThat(card.get("validUntil").asText()).isEqualTo("2035-06-01");
        assertThat(card.get("idNumberCheck").asText()).isEqualTo("VALID");
        assertThat(sim.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void unmaskedLongTermCardHasANullValidUntil() throws Exception {
        simulate("sim", "idcard", "--port", pair.devicePath().toString(), "--card", "resident-long-term.json",
                "--duration", "3");
        assertThat(KioskCtl.run("idcard", "read", "--port", pair.hostPath().toString(), "--timeout", "2.5",
                "--json", "--unmasked")).isZero();
        JsonNode card = jsonLine();
        assertThat(card.get("idNumber").asText()).isEqualTo("350102196208150047");
        assertThat(card.get("validUntil").isNull()).isTrue();
    }

    @Test
    void exitCodesForNoCardCardErrorsAndPortErrors() throws Exception {
        simulate("sim", "idcard", "--port", pair.devicePath().toString(), "--card", "resident.json", "--fault",
                "no-card", "--duration", "2");
        assertThat(KioskCtl.run("idcard", "read", "--port", pair.hostPath().toString(), "--timeout", "1"))
                .isEqualTo(2);
        background.submit(() -> 0).get(); // the single background thread is free once the first simulator ends
        simulate("sim", "idcard", "--port", pair.devicePath().toString(), "--card", "resident.json", "--fault",
                "sam-failure", "--duration", "3");
        assertThat(KioskCtl.run("idcard", "read", "--port", pair.hostPath().toString(), "--timeout", "1"))
                .isEqualTo(3);
        assertThat(KioskCtl.run("idcard", "read", "--port", dir.resolve("no-such-port").toString())).isEqualTo(4);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("SAM_SELF_TEST_FAILED", "port error");
    }

    @Test
    void scanPrintsAClassifiedReceiptCode() throws Exception {
        simulate("sim", "scanner", "--port", pair.devicePath().toString(), "--payload", "FZ-GL-20261121-00042",
                "--charset", "GBK", "--interval", "0.5", "--duration", "3");
        assertThat(KioskCtl.run("scan", "--port", pair.hostPath().toString(), "--timeout", "2.5", "--json"))
                .isZero();
        JsonNode scan = jsonLine();
        assertThat(scan.get("kind").asText()).isEqualTo("RECEIPT");
        assertThat(scan.get("receiptNumber").asText()).isEqualTo("FZ-GL-20261121-00042");
    }

    @Test
    void devicesListShowsTheDefaultSimulatedDevicesOnline() {
        assertThat(KioskCtl.run("devices", "list", "--data-dir", dir.resolve("data").toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("idcard +idcard +sim: +ONLINE")
                .containsPattern("scanner +scanner +sim: +ONLINE")
                .containsPattern("printer +printer +sim: +ONLINE");
    }

    @Test
    void helpDocumentsTheExitCodes() {
        assertThat(KioskCtl.run("idcard", "read", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Exit codes:", "2   no card before the timeout",
                "4   port error", "validUntil");
        assertThat(KioskCtl.run("sim", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("idcard", "scanner");
    }
}
