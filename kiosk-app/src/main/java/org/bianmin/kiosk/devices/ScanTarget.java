package org.bianmin.kiosk.devices;

import org.bianmin.device.scanner.ScanResult;

/**
 * A screen that takes scans while it is shown (opting in to the kiosk's scan router): the identify screen an e-ID
 * code, the technician console the code of its scanner test, the progress screen a receipt code.
 */
public interface ScanTarget {

    /** A scan arrived while this screen is current (on the FX thread); true if it took the scan. */
    boolean scanned(ScanResult result);
}
