package org.bianmin.kiosk.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.status.SupplyLevel;
import org.junit.jupiter.api.Test;

class ServiceNoticesTest {

    private final ServiceNotices notices = new ServiceNotices(Runnable::run);
    private final DeviceStatusTracker printer = new DeviceStatusTracker("printer", Clock.systemUTC());
    private final DeviceStatusTracker reader = new DeviceStatusTracker("idcard", Clock.systemUTC());

    {
        notices.watch(printer);
        notices.watch(reader);
        printer.state(DeviceState.ONLINE, "sim");
        reader.state(DeviceState.ONLINE, "sim");
    }

    @Test
    void aHealthyKioskShowsNoNotice() {
        assertThat(notices.noticesProperty().get()).isEmpty();
    }

    @Test
    void eachFunctionThatIsOutOfServiceGetsItsNoticeAndLosesItOnRecovery() {
        printer.supply("paper", SupplyLevel.OUT);
        reader.error(DeviceState.OFFLINE, "PORT", "unplugged");
        notices.portalReachable(false);
        assertThat(notices.noticesProperty().get()).containsExactly(ServiceNotices.PORTAL_OFFLINE,
                ServiceNotices.PRINTER_UNAVAILABLE, ServiceNotices.READER_UNAVAILABLE);

        printer.supply("paper", SupplyLevel.FULL);
        reader.state(DeviceState.ONLINE, "replugged");
        notices.portalReachable(true);
        assertThat(notices.noticesProperty().get()).isEmpty();
    }

    @Test
    void paperLowIsNotACitizenNoticeButACoverOpenIs() {
        printer.supply("paper", SupplyLevel.LOW);
        assertThat(notices.noticesProperty().get()).isEmpty();
        printer.state(DeviceState.USER_ERROR, "COVER_OPEN");
        assertThat(notices.noticesProperty().get()).containsExactly(ServiceNotices.PRINTER_UNAVAILABLE);
    }

    @Test
    void aCardLeftOnTheReaderIsAskedForOnEveryScreenUntilItIsTaken() {
        reader.state(DeviceState.USER_ERROR, "card left on the reader");
        assertThat(notices.noticesProperty().get()).containsExactly(ServiceNotices.TAKE_CARD);
        reader.state(DeviceState.ONLINE, "sim");
        assertThat(notices.noticesProperty().get()).isEmpty();
    }
}
