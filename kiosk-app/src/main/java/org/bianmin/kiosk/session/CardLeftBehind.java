package org.bianmin.kiosk.session;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bianmin.device.idcard.IdCardReader;

/**
 * A card whose visit is over (the session ended, or a lookup by card was left) must not serve the next citizen:
 * the reader refuses to read it again ({@link IdCardReader#expectRemoval}), and this keeps looking at the field on
 * the reader's thread until it is empty. The reader's status, and with it the "请取走您的身份证" notice on every
 * screen ({@code ServiceNotices}), follows the card. The watch stops when the card has left, or when the reader
 * fails (its own notice shows then, and the card is still refused until the field is seen empty).
 */
public final class CardLeftBehind {

    /** One look lasts this long; then the watch looks again (a screen's own read may come in between). */
    static final Duration WINDOW = Duration.ofSeconds(30);

    private final IdCardReader reader;
    private final Executor devices;
    private final AtomicBoolean watching = new AtomicBoolean();

    /** @param devices the reader's thread (the screens' reads and removal waits run there, one at a time) */
    public CardLeftBehind(IdCardReader reader, Executor devices) {
        this.reader = reader;
        this.devices = devices;
    }

    public IdCardReader reader() {
        return reader;
    }

    /** The card read (if any) is done with: from now on it is only to be taken away. Any thread. */
    public void visitOver() {
        reader.expectRemoval();
        if (reader.cardLeftBehind() && watching.compareAndSet(false, true)) {
            watch();
        }
    }

    private void watch() {
        try {
            devices.execute(() -> {
                IdCardReader.Removal removal = reader.awaitRemoval(WINDOW);
                if (reader.cardLeftBehind() && removal != IdCardReader.Removal.FAILED) {
                    watch();
                } else {
                    watching.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            watching.set(false); // the kiosk is shutting down
        }
    }
}
