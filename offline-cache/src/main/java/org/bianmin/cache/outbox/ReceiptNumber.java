package org.bianmin.cache.outbox;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The receipt number a citizen gets on the spot, made without the network: {@code KIOSKID-yyyyMMdd-NNNN} plus one
 * check character, e.g. {@code GL-0001-20261121-0042U}. The sequence restarts each day per kiosk and widens past
 * 9999. The check character is ISO/IEC 7064 MOD 37-2 (pure system, 0-9A-Z valued 0-35, check characters 0-9A-Z
 * and {@code *} for 36) over the letters and digits before it, hyphens ignored. It catches every single wrong
 * character and every swap of two adjacent characters (the hybrid MOD 37,36, which avoids {@code *}, misses about
 * 0.2 % of swaps), so a receipt read out over the phone is checked before anything is looked up. About one
 * receipt in 37 ends in {@code *}.
 */
public final class ReceiptNumber {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String CHECK = ALPHABET + "*";
    private static final int MODULUS = 37;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern KIOSK_ID = Pattern.compile("[A-Z0-9-]{4,32}");

    private ReceiptNumber() {}

    static String format(String kioskId, LocalDate day, long sequence) {
        if (!KIOSK_ID.matcher(kioskId).matches()) {
            throw new IllegalArgumentException("kiosk id must be 4-32 of A-Z, 0-9, '-': " + kioskId);
        }
        String body = kioskId + "-" + DAY.format(day) + "-" + String.format("%04d", sequence);
        return body + checkCharacter(body);
    }

    /** ISO/IEC 7064 MOD 37-2 check character of the letters and digits of {@code body}. */
    public static char checkCharacter(String body) {
        int p = 0;
        for (char c : body.toCharArray()) {
            if (c == '-') {
                continue;
            }
            int value = ALPHABET.indexOf(Character.toUpperCase(c));
            if (value < 0) {
                throw new IllegalArgumentException("receipt numbers hold only A-Z, 0-9 and '-': " + body);
            }
            p = (p + value) * 2 % MODULUS;
        }
        return CHECK.charAt((MODULUS + 1 - p) % MODULUS);
    }

    /** True when the last character is the right check character for the rest (case and hyphens ignored). */
    public static boolean isValid(String receipt) {
        if (receipt == null || receipt.length() < 2) {
            return false;
        }
        String body = receipt.substring(0, receipt.length() - 1);
        if (!body.toUpperCase().chars().allMatch(c -> c == '-' || ALPHABET.indexOf(c) >= 0)) {
            return false;
        }
        return Character.toUpperCase(receipt.charAt(receipt.length() - 1)) == checkCharacter(body);
    }
}
