package org.bianmin.kiosk.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.cache.outbox.DeliveryResult;
import org.bianmin.cache.outbox.DeliveryState;
import org.bianmin.cache.outbox.NewSubmission;
import org.bianmin.cache.outbox.OutboxDispatcher;
import org.bianmin.cache.outbox.SubmissionKind;
import org.bianmin.kiosk.admin.Prompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxViewModelTest {

    private static final String NAME = "张三";

    @TempDir
    Path dir;
    private OperatorFixture f;
    private OutboxViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        f = new OperatorFixture(dir);
        vm = new OutboxViewModel(f.cache.outbox(), Optional.empty(), f.clock, f.session, Runnable::run,
                Runnable::run);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private long enqueue(SubmissionKind kind, String item) {
        return f.cache.outbox().enqueue(new NewSubmission(kind, item,
                ("{\"name\":\"" + NAME + "\",\"idNumber\":\"350102199001011234\"}").getBytes(StandardCharsets.UTF_8)))
                .id();
    }

    @Test
    void countsByStateTheOldestPendingAgeAndBlockedEntriesWithTheirReasons() {
        long blocked = enqueue(SubmissionKind.APPLICATION, "ITEM-1");
        new OutboxDispatcher(f.cache.outbox(), s -> new DeliveryResult.PermanentFailure("unknown item code"),
                f.clock).deliverDue();
        f.clock.advance(Duration.ofMinutes(10));
        enqueue(SubmissionKind.APPLICATION, "ITEM-2");
        f.clock.advance(Duration.ofMinutes(5));
        enqueue(SubmissionKind.RATING, "ITEM-2");
        f.clock.advance(Duration.ofMinutes(30));

        vm.refresh();
        OutboxViewModel.Summary s = vm.summaryProperty().get();
        assertThat(s.counts()).containsEntry(DeliveryState.PENDING, 2L).containsEntry(DeliveryState.BLOCKED, 1L)
                .containsEntry(DeliveryState.DELIVERED, 0L);
        assertThat(s.oldestPending()).isEqualTo(Duration.ofMinutes(35));
        assertThat(s.blocked()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(blocked);
            assertThat(e.blockedReason()).isEqualTo("unknown item code");
        });
        assertThat(s.toString()).as("nothing personal in what the panel gets")
                .doesNotContain(NAME, "350102199001011234");
    }

    @Test
    void retryMakesABlockedEntryPendingAndIsAudited() {
        long blocked = enqueue(SubmissionKind.APPLICATION, "ITEM-1");
        new OutboxDispatcher(f.cache.outbox(), s -> new DeliveryResult.PermanentFailure("unknown item code"),
                f.clock).deliverDue();
        vm.retry(blocked);
        assertThat(vm.summaryProperty().get().counts()).containsEntry(DeliveryState.BLOCKED, 0L)
                .containsEntry(DeliveryState.PENDING, 1L);
        assertThat(vm.summaryProperty().get().blocked()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo(Prompt.of("operator.outbox.retriedOffline", blocked));
        assertThat(f.audited.getLast()).isEqualTo(new OperatorFixture.Audited("operator.outbox.retry",
                Outcome.SUCCESS, "entry " + blocked + ": Scheduled"));

        vm.retry(999);
        assertThat(vm.messageProperty().get()).isEqualTo(Prompt.of("operator.outbox.notFound", 999L));
        assertThat(f.audited.getLast().outcome()).isEqualTo(Outcome.FAILURE);
    }
}
