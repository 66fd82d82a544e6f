package org.bianmin.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bianmin.cache.sync.ReceiptStatus;
import org.bianmin.device.scanner.ScanPayload;
import org.bianmin.device.scanner.ScanResult;
import org.bianmin.kiosk.devices.ScanTarget;
import org.bianmin.kiosk.progress.ProgressViewModel;
import org.bianmin.kiosk.ui.Navigator;
import org.bianmin.kiosk.ui.Screen;
import org.junit.jupiter.api.Test;

/** Scans go to the screen that opted in; a receipt code nobody took opens the progress lookup. */
class ScanRouterTest {

    private static final String NUMBER = "GL-0001-20261121-0001-37";
    private static final ScanResult RECEIPT = scanned(new ScanPayload.ReceiptCode(NUMBER, NUMBER));
    private static final ScanResult OTHER = scanned(new ScanPayload.Other("hello"));

    private final Screen home = new Screen() {};
    private final Navigator navigator = new Navigator(home);
    private final List<String> looked = new ArrayList<>();
    private int progressScreens;

    private final ScanRouter router = new ScanRouter(navigator, () -> {
        progressScreens++;
        return new ProgressViewModel(n -> {
            looked.add(n);
            return new ReceiptStatus.Unknown("test");
        }, Optional.empty(), Runnable::run, Runnable::run);
    });

    /** A screen that takes what {@code takes} says, and records what it was offered. */
    private static final class Target implements Screen, ScanTarget {
        final List<ScanResult> offered = new ArrayList<>();
        final boolean takes;

        Target(boolean takes) {
            this.takes = takes;
        }

        @Override
        public boolean scanned(ScanResult result) {
            offered.add(result);
            return takes;
        }
    }

    @Test
    void aScreenThatOptedInAndTakesTheScanGetsItAndNothingElseHappens() {
        Target target = new Target(true);
        navigator.show(target);
        router.route(RECEIPT);
        assertThat(target.offered).containsExactly(RECEIPT);
        assertThat(navigator.current()).isSameAs(target);
        assertThat(progressScreens).isZero();
    }

    @Test
    void aReceiptCodeTheScreenDoesNotTakeOpensTheProgressLookupForIt() {
        Target target = new Target(false);
        navigator.show(target);
        router.route(RECEIPT);
        assertThat(target.offered).containsExactly(RECEIPT);
        assertThat(navigator.current()).isInstanceOf(ProgressViewModel.class);
        assertThat(((ProgressViewModel) navigator.current()).receiptNumberProperty().get()).isEqualTo(NUMBER);
        assertThat(looked).containsExactly(NUMBER);
    }

    @Test
    void onTheProgressScreenAReceiptCodeIsLookedUpThereWithoutANewScreen() {
        router.route(RECEIPT);
        Screen progress = navigator.current();
        router.route(RECEIPT);
        assertThat(navigator.current()).isSameAs(progress);
        assertThat(progressScreens).isEqualTo(1);
        assertThat(looked).containsExactly(NUMBER, NUMBER);
    }

    @Test
    void aScanNoScreenTakesChangesNothing() {
        router.route(OTHER);
        assertThat(navigator.current()).isSameAs(home);
        assertThat(progressScreens).isZero();
    }

    private static ScanResult scanned(ScanPayload payload) {
        return new ScanResult.Scanned(payload, StandardCharsets.UTF_8);
    }
}
