package org.bianmin.kiosk.operator;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.bianmin.cache.audit.AuditLog;
import org.bianmin.cache.audit.AuditRecord;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.cache.audit.VerifyResult;
import org.bianmin.kiosk.admin.AdminSession;
import org.bianmin.kiosk.admin.Prompt;
import org.bianmin.kiosk.ui.Background;

/** The newest audit records and a check of the whole hash chain (as {@code kioskctl audit verify}). */
public final class AuditViewModel {

    static final int SHOWN = 40;

    private final AuditLog audit;
    private final AdminSession session;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<List<AuditRecord>> records = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<VerifyResult> verification = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Prompt> message = new ReadOnlyObjectWrapper<>();

    public AuditViewModel(AuditLog audit, AdminSession session, Executor background, Executor ui) {
        this.audit = audit;
        this.session = session;
        this.background = background;
        this.ui = ui;
    }

    /** What went wrong with the last read or check, or null. */
    public ReadOnlyObjectProperty<Prompt> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Newest first. */
    public ReadOnlyObjectProperty<List<AuditRecord>> recordsProperty() {
        return records.getReadOnlyProperty();
    }

    /** The last verify's answer, or null. */
    public ReadOnlyObjectProperty<VerifyResult> verificationProperty() {
        return verification.getReadOnlyProperty();
    }

    public void refresh() {
        message.set(null);
        Background.run(background, ui, () -> audit.tail(SHOWN).reversed(), records::set,
                e -> message.set(Prompt.failed(e)));
    }

    public void verify() {
        Background.run(background, ui, audit::verify, result -> {
            session.audit("operator.audit.verify", result instanceof VerifyResult.Intact ? Outcome.SUCCESS
                    : Outcome.FAILURE, switch (result) {
                        case VerifyResult.Intact i -> "intact, " + i.records() + " records, head " + i.headHash();
                        case VerifyResult.Broken b -> "broken at " + b.seq() + " (" + b.problem() + ")";
                    });
            verification.set(result);
            refresh();
        }, e -> {
            session.audit("operator.audit.verify", Outcome.FAILURE, e.toString());
            message.set(Prompt.failed(e));
        });
    }
}
