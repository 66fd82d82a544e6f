package org.bianmin.device.idcard;

/** GB 11643-1999 citizen identity numbers: check character and masking for logs. */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /** Result of checking an ID number's last character. */
    public enum Check {
        VALID,
        /** 18 characters of the right shape, but the check character is wrong: misread card or forged data. */
        MISMATCH,
        /** Not an 18-character number (e.g. an old 15-character foreign card number); nothing to check. */
        NOT_APPLICABLE
    }

    private IdNumbers() {}

    public static Check check(String idNumber) {
        if (idNumber == null || !idNumber.matches("[0-9]{17}[0-9X]")) {
            return Check.NOT_APPLICABLE;
        }
        return checkCharacter(idNumber.substring(0, 17)) == idNumber.charAt(17) ? Check.VALID : Check.MISMATCH;
    }

    /** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
    public static char checkCharacter(String first17) {
        if (!first17.matches("[0-9]{17}")) {
            throw new IllegalArgumentException("17 digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** First 6 and last 4 characters, the rest as {@code *}: {@code 350102********1234}. Safe for logs. */
    public static String mask(String idNumber) {
        if (idNumber == null) {
            return "null";
        }
        if (idNumber.length() <= 10) {
            return "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10)
                + idNumber.substring(idNumber.length() - 4);
    }
}
