package org.bianmin.kiosk.operator;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.cache.catalogue.StoredCatalogue;
import org.bianmin.cache.sync.CatalogueCheck;
import org.bianmin.cache.sync.SyncEngine;
import org.bianmin.kiosk.admin.AdminSession;
import org.bianmin.kiosk.admin.Prompt;
import org.bianmin.kiosk.ui.Background;

/** The catalogue the kiosk serves, where it came from, "sync now" and the import of a signed file. */
public final class CatalogueViewModel {

    /** The current catalogue's facts; {@code signingKeyId} is empty for the bundled or an unsigned import. */
    public record Status(long version, OffsetDateTime publishedAt, Optional<String> signingKeyId, Instant appliedAt,
                         int items, Optional<SyncEngine.CheckResult> lastCheck) {}

    private final Supplier<StoredCatalogue> current;
    private final Optional<SyncEngine> sync;
    private final CatalogueImport importer;
    private final AdminSession session;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Prompt> message = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public CatalogueViewModel(Supplier<StoredCatalogue> current, Optional<SyncEngine> sync, CatalogueImport importer,
                              AdminSession session, Executor background, Executor ui) {
        this.current = current;
        this.sync = sync;
        this.importer = importer;
        this.session = session;
        this.background = background;
        this.ui = ui;
        refresh();
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The answer to the last action (sync, import), or null. */
    public ReadOnlyObjectProperty<Prompt> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean syncConfigured() {
        return sync.isPresent();
    }

    public void refresh() {
        StoredCatalogue stored = current.get();
        status.set(new Status(stored.version(), stored.catalogue().publishedAt(),
                Optional.ofNullable(stored.signature().signingKeyId()), stored.appliedAt(),
                stored.catalogue().items().size(), sync.flatMap(SyncEngine::lastCatalogueCheck)));
    }

    /** Asks the portal for a newer catalogue now; the answer arrives on the FX thread. */
    public void syncNow() {
        if (sync.isEmpty()) {
            message.set(Prompt.of("operator.catalogue.noSync"));
            return;
        }
        busy.set(true);
        sync.get().checkCatalogueNow().whenComplete((check, error) -> ui.execute(() -> done("operator.catalogue.sync",
                "portal", error == null ? check : new CatalogueCheck.Unreachable(error.toString()))));
    }

    /** Verifies {@code file} (and {@code file.sig}) like a catalogue from the portal and applies it if it passes. */
    public void importFrom(Path file) {
        busy.set(true);
        Background.run(background, ui, () -> importer.importFile(file),
                result -> done("operator.catalogue.import", file.getFileName().toString(), result), e -> {
                    busy.set(false);
                    session.audit("operator.catalogue.import", Outcome.FAILURE, file.getFileName() + ": " + e);
                    message.set(Prompt.failed(e));
                });
    }

    private void done(String event, String source, CatalogueCheck result) {
        busy.set(false);
        session.audit(event, switch (result) {
            case CatalogueCheck.Applied a -> Outcome.SUCCESS;
            case CatalogueCheck.Unchanged u -> Outcome.SUCCESS;
            case CatalogueCheck.Refused r -> Outcome.DENIED;
            case CatalogueCheck.Unreachable u -> Outcome.FAILURE;
        }, source + ": " + describe(result));
        message.set(event.endsWith("import") ? importPrompt(source, result) : prompt(result));
        refresh();
    }

    /** What a check means to an operator. */
    static Prompt prompt(CatalogueCheck check) {
        return switch (check) {
            case CatalogueCheck.Unchanged u -> Prompt.of("operator.catalogue.unchanged", u.version());
            case CatalogueCheck.Applied a -> Prompt.of("operator.catalogue.applied", a.version(), a.previous());
            case CatalogueCheck.Refused r -> Prompt.of("operator.catalogue.refused", refusal(r));
            case CatalogueCheck.Unreachable u -> Prompt.of("operator.catalogue.unreachable", u.error());
        };
    }

    private static Prompt importPrompt(String file, CatalogueCheck check) {
        return switch (check) {
            case CatalogueCheck.Refused r -> Prompt.of("operator.import.refused", file, refusal(r));
            case CatalogueCheck.Unreachable u -> Prompt.of("operator.import.unreadable", file);
            default -> prompt(check);
        };
    }

    private static Prompt refusal(CatalogueCheck.Refused refused) {
        return Prompt.of("operator.refusal." + refused.kind().name());
    }

    private static String describe(CatalogueCheck check) {
        return switch (check) {
            case CatalogueCheck.Unchanged u -> "unchanged, version " + u.version();
            case CatalogueCheck.Applied a -> "applied version " + a.version() + " (was " + a.previous() + ")";
            case CatalogueCheck.Refused r -> "refused " + r.kind() + ": " + r.reason();
            case CatalogueCheck.Unreachable u -> "unreachable: " + u.error();
        };
    }
}
