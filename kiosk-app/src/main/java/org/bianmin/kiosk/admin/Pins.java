package org.bianmin.kiosk.admin;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bianmin.kiosk.config.AdminConfig;

/** PIN hashing with the JDK's PBKDF2-HMAC-SHA256: salted, slow, compared in constant time. */
public final class Pins {

    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 12;
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private Pins() {}

    /** Why {@code pin} is not acceptable as a new PIN, if it is not. */
    public static Optional<String> problem(char[] pin) {
        if (pin.length < MIN_LENGTH || pin.length > MAX_LENGTH) {
            return Optional.of("a PIN has " + MIN_LENGTH + " to " + MAX_LENGTH + " digits");
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return Optional.of("a PIN has digits only (the kiosk's PIN pad has no letters)");
            }
        }
        boolean allSame = true;
        for (char c : pin) {
            allSame &= c == pin[0];
        }
        if (allSame || isRun(pin, 1) || isRun(pin, -1)) {
            return Optional.of("a PIN must not be one repeated digit or a run like 123456");
        }
        return Optional.empty();
    }

    private static boolean isRun(char[] pin, int step) {
        for (int i = 1; i < pin.length; i++) {
            if (pin[i] - pin[i - 1] != step) {
                return false;
            }
        }
        return true;
    }

    public static AdminConfig.StoredPin hash(char[] pin, SecureRandom random) {
        return hash(pin, random, ITERATIONS);
    }

    /** With fewer iterations: tests that check hundreds of PINs, never a stored PIN (config validation refuses it). */
    static AdminConfig.StoredPin hash(char[] pin, SecureRandom random, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return new AdminConfig.StoredPin(ALGORITHM, iterations, b64.encodeToString(salt),
                b64.encodeToString(derive(pin, ALGORITHM, salt, iterations)));
    }

    /** Whether {@code pin} is the one {@code stored} was made from; false for a missing or unusable stored PIN. */
    public static boolean matches(char[] pin, AdminConfig.StoredPin stored) {
        if (stored == null || pin.length == 0) {
            return false;
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] expected = b64.decode(stored.hash());
            byte[] actual = derive(pin, stored.algorithm(), b64.decode(stored.salt()), stored.iterations());
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The role whose PIN is {@code pin}. Every configured PIN is checked, so the time taken does not tell which
     * role's PIN was close; {@code kioskctl pin set} refuses giving two roles the same PIN.
     */
    static Optional<AdminRole> roleOf(char[] pin, AdminConfig config) {
        List<AdminRole> matching = Arrays.stream(AdminRole.values()).filter(r -> matches(pin, r.pin(config))).toList();
        return matching.stream().findFirst();
    }

    private static byte[] derive(char[] pin, String algorithm, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unusable PIN hash algorithm " + algorithm, e);
        } finally {
            spec.clearPassword();
        }
    }
}
