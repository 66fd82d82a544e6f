package org.bianmin.device.printer;

/** How a printer takes Chinese text: behind {@code FS &} / {@code FS .}, or raw GB18030 bytes. Per printer model. */
public enum ChineseMode {
    FS_AMPERSAND,
    RAW
}
