package org.bianmin.kiosk.progress;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.bianmin.cache.sync.ReceiptStatus;
import org.bianmin.kiosk.ui.Screen;

/**
 * 查询办理进度: the citizen types (or scans) a receipt number; the answer comes from the portal when it is
 * reachable, otherwise the last status the kiosk heard, clearly marked as such.
 */
public final class ProgressViewModel implements Screen {

    /** {@link ReceiptStatus.Unknown#why()} for an application still waiting in this kiosk's outbox. */
    public static final String QUEUED_HERE = "queued at this kiosk";

    private final Function<String, ReceiptStatus> lookup;
    private final Executor background;
    private final Executor ui;
    private final StringProperty receiptNumber = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ReceiptStatus> answer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Boolean> busy = new ReadOnlyObjectWrapper<>(false);

    public ProgressViewModel(Function<String, ReceiptStatus> lookup, Executor background, Executor ui) {
        this.lookup = lookup;
        this.background = background;
        this.ui = ui;
    }

    public StringProperty receiptNumberProperty() {
        return receiptNumber;
    }

    /** The last answer, or null before the first lookup. */
    public ReadOnlyObjectProperty<ReceiptStatus> answerProperty() {
        return answer.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Boolean> busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public void lookUp() {
        String number = receiptNumber.get().strip().toUpperCase(Locale.ROOT);
        if (number.isEmpty() || busy.get()) {
            return;
        }
        busy.set(true);
        background.execute(() -> {
            ReceiptStatus status = lookup.apply(number);
            ui.execute(() -> {
                busy.set(false);
                answer.set(status);
            });
        });
    }
}
