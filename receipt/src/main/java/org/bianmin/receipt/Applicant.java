package org.bianmin.receipt;

/**
 * The applicant as a receipt shows them: always masked. The constructor masks whatever it is given, so clear
 * personal data can never reach a printer, a PDF or a log through a receipt (masking is idempotent).
 */
public record Applicant(String name, String idNumber, String phone) {

    public Applicant {
        name = maskName(name);
        idNumber = maskId(idNumber);
        phone = maskPhone(phone);
    }

    /** {@code 张三丰} → {@code 张**}: the family name stays so the clerk can match the person. */
    static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        int[] cps = name.strip().codePoints().toArray();
        StringBuilder sb = new StringBuilder().appendCodePoint(cps[0]);
        sb.append("*".repeat(Math.max(cps.length - 1, 1)));
        return cps.length == 1 ? new String(cps, 0, 1) : sb.toString();
    }

    /** {@code 350102199001011234} → {@code 350102********1234}. */
    static String maskId(String id) {
        return keepEnds(id, 6, 4);
    }

    /** {@code 13812341234} → {@code 138****1234}. */
    static String maskPhone(String phone) {
        return keepEnds(phone, 3, 4);
    }

    /** Keeps {@code head} and {@code tail} characters, stars the middle; too short to keep anything: all stars. */
    private static String keepEnds(String value, int head, int tail) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String s = value.strip();
        if (s.length() <= head + tail) {
            return "*".repeat(s.length());
        }
        return s.substring(0, head) + "*".repeat(s.length() - head - tail) + s.substring(s.length() - tail);
    }
}
