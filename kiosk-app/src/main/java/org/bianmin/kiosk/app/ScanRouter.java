package org.bianmin.kiosk.app;

import java.util.function.Supplier;
import org.bianmin.device.scanner.ScanPayload;
import org.bianmin.device.scanner.ScanResult;
import org.bianmin.kiosk.devices.ScanTarget;
import org.bianmin.kiosk.progress.ProgressViewModel;
import org.bianmin.kiosk.ui.Navigator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a scan from any scanner (serial, wedge, the demo bar) goes, on the FX thread: first to the current screen
 * if it is a {@link ScanTarget} and takes it; a receipt code nobody took opens the progress lookup for it; anything
 * else is only logged (never its content: it may be personal).
 */
final class ScanRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ScanRouter.class);

    private final Navigator navigator;
    private final Supplier<ProgressViewModel> progress;

    /** @param progress a new progress screen (wiped with the session) */
    ScanRouter(Navigator navigator, Supplier<ProgressViewModel> progress) {
        this.navigator = navigator;
        this.progress = progress;
    }

    void route(ScanResult result) {
        if (navigator.current() instanceof ScanTarget target && target.scanned(result)) {
            return;
        }
        if (result instanceof ScanResult.Scanned(ScanPayload.ReceiptCode code, var charset)) {
            ProgressViewModel lookup = progress.get();
            navigator.show(lookup);
            lookup.scanned(result);
        } else {
            LOG.info("scan not used here: {}", result.getClass().getSimpleName());
        }
    }
}
