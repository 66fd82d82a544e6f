package org.bianmin.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bianmin.kiosk.config.DataDirectory;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.kiosk.watchdog.Liveness;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production assembly (nothing added), opened without a window. */
class KioskAssemblyTest {

    @TempDir
    Path dir;

    /** Everything exists once {@code open} returns: nothing waits for {@code show} (which only builds the scene). */
    @Test
    void everyServiceAndScreenModelExistsBeforeTheWindowDoes() throws Exception {
        try (Kiosk kiosk = Kiosk.open(new DataDirectory(dir).ensureExists(), KioskConfig.defaults(), Clock.systemUTC(),
                Runnable::run, KioskAddOn.NONE)) {
            assertThat(kiosk.navigator()).isNotNull();
            assertThat(kiosk.navigator().atHome()).isTrue();
            assertThat(kiosk.session()).isNotNull();
            assertThat(kiosk.idle()).isNotNull();
            assertThat(kiosk.admin()).isNotNull();
            assertThat(kiosk.sync()).as("no portal credential: offline").isEmpty();
            assertThat(kiosk.workers()).extracting(Liveness.Probe::name)
                    .containsExactly("storage", "devices", "printer", "status");
        }
    }

    /** With a portal configured the watchdog also watches the sync thread, and every watched thread runs a task. */
    @Test
    void theWatchdogWatchesTheSyncThreadToo() throws Exception {
        KioskConfig config = KioskConfig.defaults().withPortal(URI.create("http://127.0.0.1:9/"), "token",
                List.of(Ed25519Keys.toFile(Ed25519Keys.generate()).publicOnly()));
        try (Kiosk kiosk = Kiosk.open(new DataDirectory(dir).ensureExists(), config, Clock.systemUTC(),
                Runnable::run, KioskAddOn.NONE)) {
            List<Liveness.Probe> probes = kiosk.workers();
            assertThat(probes).extracting(Liveness.Probe::name)
                    .containsExactly("storage", "devices", "printer", "status", "sync");
            CountDownLatch ran = new CountDownLatch(probes.size());
            probes.forEach(p -> p.executor().execute(ran::countDown));
            assertThat(ran.await(60, TimeUnit.SECONDS)).isTrue();
        }
    }
}
