package org.bianmin.kiosk.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.bianmin.device.status.DeviceState;
import org.bianmin.device.status.DeviceStatus;
import org.bianmin.device.status.DeviceStatusTracker;
import org.bianmin.device.status.SupplyLevel;

/**
 * What the citizen must know about the machine right now, as message keys: the portal is unreachable (applications
 * are still accepted), the printer cannot print (the receipt comes as a QR code), the reader is out of service, a
 * card is left on the reader, a function the start-up self-check disabled. Fed by the device status model, the sync engine and the self-check;
 * updated on the FX thread through {@code ui}.
 */
public final class ServiceNotices {

    public static final String PORTAL_OFFLINE = "notice.portalOffline";
    public static final String PRINTER_UNAVAILABLE = "notice.printerUnavailable";
    public static final String READER_UNAVAILABLE = "notice.readerUnavailable";
    public static final String APPLY_UNAVAILABLE = "notice.applyUnavailable";
    public static final String SCANNER_UNAVAILABLE = "notice.scannerUnavailable";
    public static final String CHINESE_TEXT_UNAVAILABLE = "notice.chineseTextUnavailable";
    /** A card is still on the reader after its visit: the receipt's own words, so it reads the same everywhere. */
    public static final String TAKE_CARD = "receipt.takeCard";

    private final Executor ui;
    private final Map<String, DeviceStatus> devices = new ConcurrentHashMap<>();
    private volatile boolean portalReachable = true;
    private volatile List<String> failedAtStart = List.of();
    private final ReadOnlyObjectWrapper<List<String>> notices = new ReadOnlyObjectWrapper<>(List.of());

    public ServiceNotices(Executor ui) {
        this.ui = ui;
    }

    /** Follows a device; its id decides which function it affects ({@code idcard}, {@code printer}). */
    public void watch(DeviceStatusTracker tracker) {
        devices.put(tracker.deviceId(), tracker.current());
        tracker.addListener((previous, current) -> {
            devices.put(current.deviceId(), current);
            publish();
        });
        publish();
    }

    public void portalReachable(boolean reachable) {
        if (portalReachable != reachable) {
            portalReachable = reachable;
            publish();
        }
    }

    /** The notices of the functions the start-up self-check found unusable; they stay up until the next start. */
    public void failedAtStart(List<String> noticeKeys) {
        failedAtStart = List.copyOf(noticeKeys);
        publish();
    }

    public ReadOnlyObjectProperty<List<String>> noticesProperty() {
        return notices.getReadOnlyProperty();
    }

    private void publish() {
        List<String> now = current();
        // Only a real change re-renders the screen: a citizen mid-form must not lose the field they are in.
        ui.execute(() -> {
            if (!now.equals(notices.get())) {
                notices.set(now);
            }
        });
    }

    List<String> current() {
        List<String> list = new ArrayList<>();
        if (!portalReachable) {
            list.add(PORTAL_OFFLINE);
        }
        DeviceStatus printer = devices.get("printer");
        if (printer != null) {
            // Cover open or paper out (a person must act) stops printing as surely as a fault does.
            boolean canPrint = printer.state() == DeviceState.ONLINE || printer.state() == DeviceState.BUSY
                    || printer.state() == DeviceState.STARTING;
            if (!canPrint || printer.supplies().get("paper") == SupplyLevel.OUT) {
                list.add(PRINTER_UNAVAILABLE);
            }
        }
        DeviceStatus reader = devices.get("idcard");
        if (reader != null && broken(reader.state())) {
            list.add(READER_UNAVAILABLE);
        }
        if (reader != null && reader.state() == DeviceState.USER_ERROR) {
            list.add(TAKE_CARD);
        }
        failedAtStart.stream().filter(key -> !list.contains(key)).forEach(list::add);
        return List.copyOf(list);
    }

    private static boolean broken(DeviceState state) {
        return state == DeviceState.OFFLINE || state == DeviceState.NO_DEVICE || state == DeviceState.HARDWARE_ERROR;
    }
}
