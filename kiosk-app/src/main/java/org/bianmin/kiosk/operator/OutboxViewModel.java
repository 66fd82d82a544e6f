package org.bianmin.kiosk.operator;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.cache.outbox.DeliveryState;
import org.bianmin.cache.outbox.Outbox;
import org.bianmin.cache.outbox.OutboxEntry;
import org.bianmin.cache.outbox.RetryResult;
import org.bianmin.cache.sync.OfflineOutbox;
import org.bianmin.cache.sync.SyncEngine;
import org.bianmin.kiosk.admin.AdminSession;
import org.bianmin.kiosk.admin.Prompt;
import org.bianmin.kiosk.ui.Background;

/**
 * What waits for the portal: counts per delivery state, how long the oldest pending entry has waited, and the
 * blocked entries with their reasons and a retry. Entries are shown by receipt number, kind and item code only:
 * the outbox's operator view holds no personal data.
 */
public final class OutboxViewModel {

    /** Most blocked entries listed; the count says how many there are in all. */
    static final int BLOCKED_SHOWN = 50;

    public record Summary(Map<DeliveryState, Long> counts, Duration oldestPending, List<OutboxEntry> blocked) {}

    private final Outbox outbox;
    private final Optional<SyncEngine> sync;
    private final Clock clock;
    private final AdminSession session;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<Summary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Prompt> message = new ReadOnlyObjectWrapper<>();

    public OutboxViewModel(Outbox outbox, Optional<SyncEngine> sync, Clock clock, AdminSession session,
                           Executor background, Executor ui) {
        this.outbox = outbox;
        this.sync = sync;
        this.clock = clock;
        this.session = session;
        this.background = background;
        this.ui = ui;
    }

    /** Null until the first {@link #refresh} has answered. */
    public ReadOnlyObjectProperty<Summary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Prompt> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void refresh() {
        Background.run(background, ui, this::read, summary::set, e -> message.set(Prompt.failed(e)));
    }

    private Summary read() {
        Duration oldest = new OfflineOutbox(outbox).backlog(clock.instant()).oldestPendingAge();
        return new Summary(outbox.status(), oldest, outbox.blocked(BLOCKED_SHOWN));
    }

    /** Makes a blocked entry pending and due now, and wakes the sync engine to send it. */
    public void retry(long id) {
        Background.run(background, ui, () -> {
            RetryResult result = outbox.retry(id);
            sync.ifPresent(SyncEngine::wake);
            return new Retried(result, read());
        }, retried -> {
            RetryResult result = retried.result();
            session.audit("operator.outbox.retry", result instanceof RetryResult.Scheduled ? Outcome.SUCCESS
                    : Outcome.FAILURE, "entry " + id + ": " + result.getClass().getSimpleName());
            message.set(switch (result) {
                case RetryResult.Scheduled s -> Prompt.of(sync.isPresent() ? "operator.outbox.retried"
                        : "operator.outbox.retriedOffline", s.id());
                case RetryResult.AlreadyDelivered d -> Prompt.of("operator.outbox.alreadyDelivered", d.id());
                case RetryResult.NotFound n -> Prompt.of("operator.outbox.notFound", n.id());
            });
            summary.set(retried.summary());
        }, e -> {
            session.audit("operator.outbox.retry", Outcome.FAILURE, "entry " + id + ": " + e);
            message.set(Prompt.failed(e));
        });
    }

    private record Retried(RetryResult result, Summary summary) {
    }
}
