package org.bianmin.cache.outbox;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.bianmin.protocol.api.ReceiptNumbers;

/**
 * The receipt number a citizen gets on the spot, made without the network: {@code KIOSKID-yyyyMMdd-NNNN-CC}, e.g.
 * {@code GL-0001-20261121-0042-03}. The sequence restarts each day per kiosk and widens past 9999; {@code CC} are
 * check digits ({@link ReceiptNumbers}: every single wrong character and every swap of neighbours is caught, so a
 * receipt read out over the phone is checked before anything is looked up). Only digits follow the kiosk id: no
 * O or I to be read as 0 or 1.
 */
public final class ReceiptNumber {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern KIOSK_ID = Pattern.compile("[A-Z0-9-]{4,32}");

    private ReceiptNumber() {}

    static String format(String kioskId, LocalDate day, long sequence) {
        if (!KIOSK_ID.matcher(kioskId).matches()) {
            throw new IllegalArgumentException("kiosk id must be 4-32 of A-Z, 0-9, '-': " + kioskId);
        }
        return ReceiptNumbers.issue(kioskId + "-" + DAY.format(day) + "-" + String.format("%04d", sequence));
    }
}
