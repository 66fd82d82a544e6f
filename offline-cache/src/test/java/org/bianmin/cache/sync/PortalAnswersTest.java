package org.bianmin.cache.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.SubmissionState;
import org.bianmin.protocol.api.SubmissionStatus;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.signing.TrustedKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A portal (or a proxy in front of it) answering 200 with a body that is not the document asked for — the JSON
 * literal {@code null}, nothing, a list with a null entry, a nesting bomb — is an unreadable answer, never a null
 * status handed to the screens.
 */
class PortalAnswersTest {

    private static final List<String> NOT_A_DOCUMENT = List.of("null", "", " ", "[null]", "[".repeat(100_000));

    private final AtomicReference<String> body = new AtomicReference<>("null");
    private final AtomicInteger code = new AtomicInteger(200);
    private HttpServer portal;
    private SyncSettings settings;
    private PortalClient client;

    @BeforeEach
    void setUp() throws Exception {
        portal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        portal.createContext("/", exchange -> {
            byte[] answer = exchange.getRequestURI().getPath().equals(ApiPaths.HOLDER_KEY)
                    ? "{\"key\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}".getBytes(StandardCharsets.UTF_8)
                    : body.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code.get(), answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        portal.start();
        settings = SyncSettings.defaults(URI.create("http://127.0.0.1:" + portal.getAddress().getPort() + "/"),
                "KIOSK-0001", "token", "test", TrustedKeys.of(List.of()));
        client = new PortalClient(settings, PortalClient.newHttpClient(settings), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        portal.stop(0);
    }

    /** The last statuses kept for an unreachable portal are bounded, the least recently used going first. */
    @Test
    void theLastKnownReceiptStatusesAreBounded() throws Exception {
        body.set(CatalogueReader.mapper().writeValueAsString(new SubmissionStatus("FZ-20261121-0001", "item",
                SubmissionState.RECEIVED, OffsetDateTime.parse("2026-11-21T09:00:00+08:00"), List.of())));
        ReceiptLookup lookup = new ReceiptLookup(client, settings, Clock.systemUTC());
        for (int i = 1; i <= LastKnown.CAPACITY + 1; i++) {
            assertThat(lookup.lookup(receipt(i))).isInstanceOf(ReceiptStatus.Live.class);
        }
        code.set(503);
        assertThat(lookup.lookup(receipt(1))).as("the eldest, dropped").isInstanceOf(ReceiptStatus.Unknown.class);
        assertThat(lookup.lookup(receipt(LastKnown.CAPACITY + 1))).isInstanceOf(ReceiptStatus.LastKnown.class);
        assertThat(lookup.lookup(receipt(2))).isInstanceOf(ReceiptStatus.LastKnown.class);
    }

    private static String receipt(int n) {
        return String.format(Locale.ROOT, "FZ-20261121-%04d", n);
    }

    @Test
    void aReceiptStatusThatIsNotADocumentIsUnknownNotANullStatus() {
        ReceiptLookup lookup = new ReceiptLookup(client, settings, Clock.systemUTC());
        eachAnswerGives(() -> lookup.lookup("FZ-20261121-0001"), ReceiptStatus.Unknown.class);
    }

    @Test
    void anEidAnswerThatIsNotADocumentIsUnavailableNotANullIdentity() {
        EidLookup lookup = new EidLookup(client, settings);
        eachAnswerGives(() -> lookup.verify("token"), EidCheck.Unavailable.class);
    }

    @Test
    void aHolderListThatIsNotADocumentIsUnavailableNotANullList() {
        HolderLookup lookup = new HolderLookup(client, settings, Clock.systemUTC());
        eachAnswerGives(() -> lookup.lookup("110105199003071239"), HolderStatus.Unavailable.class);
    }

    private void eachAnswerGives(Supplier<?> call, Class<?> outcome) {
        for (String answer : NOT_A_DOCUMENT) {
            body.set(answer);
            assertThat(call.get()).as(answer.length() > 20 ? "deep" : answer).isInstanceOf(outcome);
        }
    }
}
