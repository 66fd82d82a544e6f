package org.bianmin.receipt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * Tamper evidence for receipt PDFs: an Ed25519 signature over every byte of the PDF, appended after its
 * {@code %%EOF} as one PDF comment line
 * <pre>%BIANMIN-SIG v1 ed25519 &lt;key fingerprint&gt; &lt;base64 signature&gt;\n</pre>
 * PDF readers ignore a comment after {@code %%EOF}, so the file still opens everywhere. The line must be the last
 * thing in the file: any changed byte before it, or anything appended after it (an incremental update), fails
 * verification.
 */
public final class ReceiptSignature {

    static final String MARKER = "%BIANMIN-SIG v1 ed25519 ";

    /** What verification found. */
    public sealed interface Verdict {
        record Valid(String keyFingerprint) implements Verdict {}

        record Unsigned() implements Verdict {}

        record Invalid(String reason) implements Verdict {}
    }

    private ReceiptSignature() {}

    public static byte[] sign(byte[] pdf, ReceiptSigningKey key) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key.privateKey());
            s.update(pdf);
            String line = MARKER + ReceiptSigningKey.fingerprint(key.publicKey()) + " "
                    + Base64.getEncoder().encodeToString(s.sign()) + "\n";
            byte[] tail = line.getBytes(StandardCharsets.US_ASCII);
            byte[] out = Arrays.copyOf(pdf, pdf.length + tail.length);
            System.arraycopy(tail, 0, out, pdf.length, tail.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed with a valid key", e);
        }
    }

    public static Verdict verify(byte[] file, PublicKey trusted) {
        int start = lastIndexOf(file, MARKER.getBytes(StandardCharsets.US_ASCII));
        if (start < 0) {
            return new Verdict.Unsigned();
        }
        if (start == 0 || file[start - 1] != '\n') {
            return new Verdict.Invalid("the signature line does not start a line");
        }
        String line = new String(file, start, file.length - start, StandardCharsets.US_ASCII);
        if (!line.endsWith("\n") || line.indexOf('\n') != line.length() - 1) {
            return new Verdict.Invalid("data follows the signature line (the file was changed after signing)");
        }
        String[] parts = line.substring(MARKER.length()).strip().split(" ");
        if (parts.length != 2) {
            return new Verdict.Invalid("malformed signature line");
        }
        String expected = ReceiptSigningKey.fingerprint(trusted);
        if (!parts[0].equals(expected)) {
            return new Verdict.Invalid("signed by key " + parts[0] + ", not by the trusted key " + expected);
        }
        try {
            byte[] sig = Base64.getDecoder().decode(parts[1]);
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(trusted);
            s.update(file, 0, start);
            return s.verify(sig) ? new Verdict.Valid(expected)
                    : new Verdict.Invalid("signature does not match the content (the file was modified)");
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return new Verdict.Invalid("unreadable signature: " + e.getMessage());
        }
    }

    private static int lastIndexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = hay.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
