package org.bianmin.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bianmin.cache.OfflineCache;
import org.bianmin.cache.outbox.Accepted;
import org.bianmin.cache.outbox.NewSubmission;
import org.bianmin.cache.outbox.SubmissionKind;
import org.bianmin.cache.sync.OfflineOutbox;
import org.bianmin.cache.sync.ReceiptStatus;
import org.bianmin.cache.sync.SyncEngine;
import org.bianmin.cache.sync.SyncSettings;
import org.bianmin.kiosk.progress.ProgressViewModel;
import org.bianmin.protocol.api.SubmissionStatus;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.TrustedKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the screens ask the portal, completed by the outbox, on the kiosk's real SQLite outbox. */
class PortalLookupsTest {

    @TempDir
    Path dir;
    private OfflineCache cache;

    @BeforeEach
    void open() {
        cache = OfflineCache.open(dir, dir.resolve("kiosk.db"), OfflineCache.Settings.defaults("GL-0001"),
                Clock.systemUTC(), alert -> {});
    }

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void anApplicationMadeHereIsQueuedHereHoweverManyCameAfterIt() {
        Accepted first = enqueue();
        for (int i = 0; i < 500; i++) {
            enqueue(); // the old look-up scanned only the newest 500 rows
        }
        PortalLookups lookups = new PortalLookups(Optional.empty(), cache.outbox(), this::noCatalogue);
        assertThat(lookups.receipt(first.receiptNumber()))
                .isEqualTo(new ReceiptStatus.Unknown(ProgressViewModel.QUEUED_HERE));
        assertThat(lookups.receipt("GL-0002-20261121-0001-00")).isEqualTo(new ReceiptStatus.Unknown("no portal credential"));
    }

    /**
     * A portal that accepts the connection and never answers: the submit's storage task gets its future at once
     * (it used to wait up to the bound on the storage thread), and the future ends "not confirmed" at the bound.
     */
    @Test
    void deliveryAnswersLaterAndNeverBlocksTheCaller() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            SyncSettings settings = SyncSettings.defaults(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"),
                    "GL-0001", "token", "t", TrustedKeys.of(List.of(Ed25519Keys.toFile(Ed25519Keys.generate())
                            .publicOnly())));
            try (SyncEngine engine = new SyncEngine(settings, Clock.systemUTC(), cache.catalogue(),
                    new OfflineOutbox(cache.outbox()), List::of, List::of, alert -> {}, new SecureRandom())) {
                Accepted accepted = enqueue();
                PortalLookups lookups = new PortalLookups(Optional.of(engine), cache.outbox(), this::noCatalogue);
                CompletableFuture<Optional<SubmissionStatus>> answer = lookups.delivery(Runnable::run)
                        .deliverAndCheck(accepted.receiptNumber());
                assertThat(answer).as("returned while the portal is still silent").isNotDone();
                assertThat(answer.get()).isEmpty();
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private Accepted enqueue() {
        return cache.outbox().enqueue(new NewSubmission(SubmissionKind.APPLICATION, "item",
                "{}".getBytes(StandardCharsets.UTF_8)));
    }

    private org.bianmin.protocol.catalogue.Catalogue noCatalogue() {
        throw new AssertionError("not asked for a receipt look-up");
    }
}
