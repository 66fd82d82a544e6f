package org.bianmin.kiosk.selfcheck;

import java.util.Optional;
import org.bianmin.device.config.DeviceConfig;
import org.bianmin.device.config.Driver;
import org.bianmin.kiosk.status.ServiceNotices;

/** What a failed start-up check takes out of service, each with the notice citizens see while it is out. */
public enum Feature {
    /** Storing new applications (needs a writable data directory, a healthy database, a sane clock). */
    APPLICATIONS(ServiceNotices.APPLY_UNAVAILABLE),
    ID_CARD_READER(ServiceNotices.READER_UNAVAILABLE),
    RECEIPT_PRINTER(ServiceNotices.PRINTER_UNAVAILABLE),
    SCANNER(ServiceNotices.SCANNER_UNAVAILABLE),
    CHINESE_TEXT(ServiceNotices.CHINESE_TEXT_UNAVAILABLE);

    private final String notice;

    Feature(String notice) {
        this.notice = notice;
    }

    public String notice() {
        return notice;
    }

    /** The feature a configured device provides. */
    static Optional<Feature> of(DeviceConfig device) {
        return Driver.ofConfigName(device.driver()).map(driver -> switch (driver.kind()) {
            case ID_CARD_READER -> ID_CARD_READER;
            case SCANNER -> SCANNER;
            case PRINTER -> RECEIPT_PRINTER;
        });
    }
}
