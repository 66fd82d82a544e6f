package org.bianmin.portal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bianmin.protocol.api.SubmissionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store's behaviour on a real PostgreSQL server, plus what only several connections and several nodes can
 * break: two stores (two nodes' pools) on one database racing for the same key, state change and e-ID code.
 */
@ExtendWith(Postgres.class)
class PostgresPortalStoreTest extends PortalStoreContract {

    private final PortalDatabase.Postgres database;

    PostgresPortalStoreTest(PortalDatabase.Postgres database) {
        this.database = database;
    }

    @Override
    PortalDatabase database() {
        return database;
    }

    @Override
    PortalStore reopen() {
        return database.open(CLOCK);
    }

    @Test
    void twoNodesRacingTheSameKeyStoreOneRecordAndGiveOneAnswer() throws Exception {
        try (PortalStore other = reopen(); ExecutorService threads = Executors.newFixedThreadPool(16)) {
            for (int round = 0; round < 20; round++) {
                String receipt = "R-" + round;
                String key = "key-" + round;
                List<Callable<Answer>> calls = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    PortalStore node = i % 2 == 0 ? store : other;
                    calls.add(() -> node.submit("kiosk-a", key, submission(receipt, null), false));
                }
                List<byte[]> bodies = new ArrayList<>();
                int stored = 0;
                for (Future<Answer> f : threads.invokeAll(calls)) {
                    switch (f.get()) {
                        case Answer.Stored s -> { stored++; bodies.add(s.body()); }
                        case Answer.Replayed r -> bodies.add(r.body());
                        case Answer unexpected -> throw new AssertionError("unexpected " + unexpected);
                    }
                }
                assertThat(stored).as("round %d", round).isEqualTo(1);
                assertThat(bodies).allSatisfy(b -> assertThat(b).isEqualTo(bodies.get(0)));
            }
            assertThat(store.count("submission")).isEqualTo(20);
        }
    }

    @Test
    void ofTwoNodesMovingTheSameSubmissionAtOnceOnlyOneMovesIt() throws Exception {
        try (PortalStore other = reopen(); ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int round = 0; round < 10; round++) {
                String receipt = "M-" + round;
                store.submit("kiosk-a", "m-" + round, submission(receipt, null), false);
                List<Callable<PortalStore.Advance>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    PortalStore node = i % 2 == 0 ? store : other;
                    SubmissionState to = i % 4 < 2 ? SubmissionState.ACCEPTED : SubmissionState.REJECTED;
                    calls.add(() -> node.advance(receipt, to, null));
                }
                long moved = 0;
                for (Future<PortalStore.Advance> f : threads.invokeAll(calls)) {
                    if (f.get() instanceof PortalStore.Advance.Moved) {
                        moved++;
                    }
                }
                // RECEIVED → ACCEPTED → REJECTED is a legal path, so at most two moves; never two from one state.
                var history = store.status(receipt).orElseThrow().history();
                assertThat(history).hasSize((int) moved + 1);
                assertThat(history.stream().map(h -> h.state()).distinct().count()).isEqualTo(history.size());
            }
        }
    }

    @Test
    void ofTwoNodesVerifyingTheSameEidCodeAtOnceOnlyOneSucceeds() throws Exception {
        try (PortalStore other = reopen(); ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int round = 0; round < 10; round++) {
                String token = store.issueEid(holder(), java.time.Duration.ofMinutes(5)).token();
                List<Callable<PortalStore.EidOutcome>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    PortalStore node = i % 2 == 0 ? store : other;
                    calls.add(() -> node.verifyEid(token, "kiosk-a"));
                }
                long verified = 0;
                for (Future<PortalStore.EidOutcome> f : threads.invokeAll(calls)) {
                    if (f.get() instanceof PortalStore.EidOutcome.Verified) {
                        verified++;
                    }
                }
                assertThat(verified).as("round %d", round).isEqualTo(1);
            }
        }
    }

    @Test
    void anUnreachableServerFailsWithinTheConnectionTimeout() {
        assertThatThrownBy(() -> new PortalDatabase.Postgres("jdbc:postgresql://127.0.0.1:1/none?user=u&password=secret")
                .open(CLOCK))
                .isInstanceOf(PortalStoreException.class)
                .hasMessageContaining("password=***")
                .hasMessageNotContaining("secret");
    }
}
