package org.bianmin.cache.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever faults hit the requests, every queued submission and rating is stored exactly once, and a rating only
 * after the application it rates.
 */
class ExactlyOncePropertiesTest {

    @Property(tries = 15)
    void anyScheduleOfResetsErrorsAndOutagesDeliversEachEntryExactlyOnce(
            @ForAll @Size(max = 15) List<Fault> faults, @ForAll @IntRange(min = 1, max = 6) int applications)
            throws Exception {
        try (SyncFixture f = new SyncFixture(Files.createTempDirectory("exactly-once-"));
             FaultProxy proxy = new FaultProxy(f.portal.port())) {
            SyncEngine engine = f.engine(f.settings(URI.create("http://127.0.0.1:" + proxy.port() + "/")));
            for (int i = 0; i < applications; i++) {
                f.outbox.addApplication("GL-20261121-%04dX".formatted(i), SyncFixture.PROMISED_ITEM, f.clock.instant());
            }
            OutboundEntry rated = f.outbox.entries().getLast().entry;
            OutboundEntry rating = f.outbox.addRating("GL-20261121-9999R", SyncFixture.PROMISED_ITEM,
                    f.clock.instant(), rated.id());
            proxy.script(faults.stream().map(Fault::mode).toList());

            for (int pass = 0; pass < 100 && !allDelivered(f); pass++) {
                Instant before = f.clock.instant();
                DeliveryPass result = engine.deliverNow().get();
                f.clock.advance(Duration.between(before, result.resumeAt()).plusMillis(1));
            }
            assertThat(allDelivered(f)).isTrue();
            assertThat(f.portal.store().count("submission")).isEqualTo(applications);
            assertThat(f.portal.store().count("rating")).isEqualTo(1);
            assertThat(f.portal.store().recentSubmissions(applications).stream().map(s -> s.receiptNumber()).toList())
                    .containsExactlyInAnyOrderElementsOf(f.outbox.entries().stream().limit(applications)
                            .map(e -> e.entry.receiptNumber()).toList());
            List<Long> order = f.outbox.deliveredOrder();
            assertThat(order.indexOf(rating.id())).as("the rating after its application")
                    .isGreaterThan(order.indexOf(rated.id()));
        }
    }

    private static boolean allDelivered(SyncFixture f) {
        return f.outbox.entries().stream().allMatch(e -> e.state == MemoryOutbox.State.DELIVERED);
    }

    /** The faults drawn for the proxy (slow answers have their own test: they cost real time). */
    enum Fault {
        NONE(FaultProxy.Mode.PASS), RESET_AFTER_STORE(FaultProxy.Mode.RESET_AFTER_FORWARD),
        UNAVAILABLE(FaultProxy.Mode.FAIL_503), DOWN(FaultProxy.Mode.DOWN);

        private final FaultProxy.Mode mode;

        Fault(FaultProxy.Mode mode) {
            this.mode = mode;
        }

        FaultProxy.Mode mode() {
            return mode;
        }
    }
}
