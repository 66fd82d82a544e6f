package org.bianmin.protocol.api;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The check on a kiosk's offline receipt number, shared by the kiosk and the portal, and how a number read back by
 * a citizen (typed, or OCR of a printed roll) is turned into the one it was.
 *
 * <p>Numbers issued now are {@code KIOSKID-yyyyMMdd-NNNN-CC}, e.g. {@code GL-0001-20261121-0042-03}: everything
 * after the kiosk id is decimal digits, so nothing in them reads as another character. {@code CC} are two check
 * digits, ISO/IEC 7064 style MOD 97 over the letters and digits before them (0-9A-Z valued 0-35, radix 36,
 * hyphens ignored): {@code (p × 100 + CC) mod 97 = 1}. As 97 is a prime above 36, every single wrong character
 * and every swap of two neighbouring characters of the body changes {@code p}, so it is caught; a wrong or swapped
 * check digit is caught too.
 *
 * <p>Numbers issued before ({@code KIOSKID-yyyyMMdd-NNNN} and one check character, ISO/IEC 7064 MOD 37-2 over 0-9A-Z
 * with {@code *}) stay valid. Their check character can be {@code O} or {@code I}, which citizens and OCR read as
 * {@code 0} and {@code 1}: {@link #readBack} takes either spelling. The two forms are told apart by the last
 * hyphen-separated part: two characters for the check digits, five or more (sequence and check character) before.
 */
public final class ReceiptNumbers {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LEGACY_CHECK = ALPHABET + "*";
    private static final int LEGACY_MODULUS = 37;
    private static final int MODULUS = 97;
    private static final Pattern BODY = Pattern.compile("[A-Z0-9-]+");

    private ReceiptNumbers() {}

    /** {@code body} with its check digits: {@code body + "-" + CC}. */
    public static String issue(String body) {
        return body + "-" + checkDigits(body);
    }

    /** The two check digits of the letters and digits of {@code body}. */
    public static String checkDigits(String body) {
        int p = remainder(body, MODULUS, 36);
        return String.format(Locale.ROOT, "%02d", MODULUS + 1 - p * 100 % MODULUS);
    }

    /** The check character of a number in the form issued before (ISO/IEC 7064 MOD 37-2). */
    public static char legacyCheckCharacter(String body) {
        int p = 0;
        for (int i = 0; i < body.length(); i++) {
            int value = value(body.charAt(i));
            if (value >= 0) {
                p = (p + value) * 2 % LEGACY_MODULUS;
            }
        }
        return LEGACY_CHECK.charAt((LEGACY_MODULUS + 1 - p) % LEGACY_MODULUS);
    }

    /** True when {@code receipt} (either form; case ignored) carries the right check for the rest. */
    public static boolean isValid(String receipt) {
        if (receipt == null) {
            return false;
        }
        String r = receipt.toUpperCase(Locale.ROOT);
        int dash = r.lastIndexOf('-');
        if (dash > 0 && r.length() - dash == 3) {
            String body = r.substring(0, dash);
            return BODY.matcher(body).matches() && r.substring(dash + 1).equals(checkDigits(body));
        }
        if (r.length() < 2) {
            return false;
        }
        String body = r.substring(0, r.length() - 1);
        return BODY.matcher(body).matches() && r.charAt(r.length() - 1) == legacyCheckCharacter(body);
    }

    /**
     * The receipt number a citizen means by {@code typed}: upper case, spaces dropped, {@code O} and {@code I}
     * read as {@code 0} and {@code 1} where only digits can stand (date, sequence, check digits), and a legacy
     * check character read either way ({@code 0}/{@code O}, {@code 1}/{@code I}) — whichever the check confirms.
     * Empty when no reading is a valid number. The kiosk id is taken as typed: it mixes letters and digits freely.
     */
    public static Optional<String> readBack(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String t = typed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        String[] parts = t.split("-", -1);
        if (parts.length < 3) {
            return Optional.empty();
        }
        int last = parts.length - 1;
        if (parts[last].length() == 2 && parts.length >= 4) {
            for (int i = last - 2; i <= last; i++) {
                parts[i] = digits(parts[i]);
            }
            return valid(String.join("-", parts));
        }
        String sequenceAndCheck = parts[last];
        if (sequenceAndCheck.length() < 2) {
            return Optional.empty();
        }
        parts[last - 1] = digits(parts[last - 1]);
        char check = sequenceAndCheck.charAt(sequenceAndCheck.length() - 1);
        String prefix = String.join("-", java.util.Arrays.copyOf(parts, last)) + "-"
                + digits(sequenceAndCheck.substring(0, sequenceAndCheck.length() - 1));
        return valid(prefix + check).or(() -> switch (check) {
            case '0' -> valid(prefix + 'O');
            case 'O' -> valid(prefix + '0');
            case '1' -> valid(prefix + 'I');
            case 'I' -> valid(prefix + '1');
            default -> Optional.empty();
        });
    }

    /**
     * The kiosk id a receipt number names, in either form: the part before the day ({@code KIOSKID-yyyyMMdd-NNNN-CC}
     * or, as issued before, {@code KIOSKID-yyyyMMdd-NNNNc}). Day, sequence and check hold no hyphen, so the kiosk id
     * is what stands before them. Empty when the number has no such part.
     */
    public static Optional<String> kioskPart(String receipt) {
        if (receipt == null) {
            return Optional.empty();
        }
        String[] parts = receipt.split("-", -1);
        int trailing = parts.length >= 4 && parts[parts.length - 1].length() == 2 ? 3 : 2;
        if (parts.length <= trailing) {
            return Optional.empty();
        }
        return Optional.of(String.join("-", java.util.Arrays.copyOf(parts, parts.length - trailing)));
    }

    private static Optional<String> valid(String candidate) {
        return isValid(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    /** O read as 0 and I as 1 (where only digits can stand). */
    private static String digits(String part) {
        return part.replace('O', '0').replace('I', '1');
    }

    /** Horner's rule over the values of the letters and digits of {@code text}, hyphens skipped. */
    private static int remainder(String text, int modulus, int radix) {
        int p = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = value(text.charAt(i));
            if (value >= 0) {
                p = (p * radix + value) % modulus;
            }
        }
        return p;
    }

    /** 0-35 for 0-9A-Z (either case), -1 for a hyphen; anything else is not part of a receipt number. */
    private static int value(char c) {
        if (c == '-') {
            return -1;
        }
        int value = ALPHABET.indexOf(Character.toUpperCase(c));
        if (value < 0) {
            throw new IllegalArgumentException("receipt numbers hold only A-Z, 0-9 and '-'");
        }
        return value;
    }
}
