package org.bianmin.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.bianmin.device.a4.virtual.VirtualIppPrinter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code kioskctl a4 status|test} against the simulated IPP printer on loopback. */
class A4CommandTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private VirtualIppPrinter printer;

    @BeforeEach
    void start() throws Exception {
        printer = VirtualIppPrinter.start();
    }

    @AfterEach
    void stop() {
        printer.close();
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(console.out().lines().filter(l -> l.startsWith("{")).findFirst()
                .orElseThrow());
    }

    @Test
    void statusOfAReadyPrinter() throws Exception {
        printer.reasons("media-low-warning");
        assertThat(KioskCtl.run("a4", "status", "--printer", printer.uri().toString(), "--json")).isZero();
        JsonNode s = json();
        assertThat(s.get("ready").asBoolean()).isTrue();
        assertThat(s.get("paper").asText()).isEqualTo("LOW");
        assertThat(s.get("pdf").asBoolean()).isTrue();
    }

    @Test
    void statusNamesTheFaultAndExitsOne() throws Exception {
        printer.reasons("door-open-error");
        assertThat(KioskCtl.run("a4", "status", "--printer", printer.uri().toString(), "--json")).isEqualTo(1);
        assertThat(json().get("reason").asText()).isEqualTo("DOOR_OPEN");
    }

    @Test
    void statusOfAPrinterThatIsGoneExitsTwo() throws Exception {
        String uri = printer.uri().toString();
        printer.close();
        assertThat(KioskCtl.run("a4", "status", "--printer", uri, "--timeout", "2", "--json")).isEqualTo(2);
        assertThat(json().get("reason").asText()).isEqualTo("UNREACHABLE");
    }

    @Test
    void testPagePrintsOnePdfPage() {
        assertThat(KioskCtl.run("a4", "test", "--printer", printer.uri().toString())).isZero();
        assertThat(console.out()).containsPattern("printed A4TEST-\\d+ \\(printer job 1, 1 sheet\\(s\\)\\)");
        assertThat(printer.jobs()).singleElement().satisfies(j -> {
            assertThat(j.format()).isEqualTo("application/pdf");
            assertThat(new String(j.document(), StandardCharsets.ISO_8859_1)).startsWith("%PDF-")
                    .contains("(Bianmin Kiosk A4 test page)");
        });
        assertThat(printer.sheetsPrinted()).isEqualTo(1);
    }

    @Test
    void testPageOnAPrinterWithoutPaperIsRefused() {
        printer.reasons("media-empty-error");
        assertThat(KioskCtl.run("a4", "test", "--printer", printer.uri().toString())).isEqualTo(1);
        assertThat(console.err()).contains("printer refused the job: PAPER_OUT");
        assertThat(printer.jobs()).isEmpty();
    }
}
