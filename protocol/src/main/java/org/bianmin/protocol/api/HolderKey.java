package org.bianmin.protocol.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The portal's key for finding a citizen's applications by their ID card without the ID number travelling: a
 * kiosk sends {@link #hash HMAC-SHA256(key, ID number)} with each application and to look them up. On the wire and
 * in the portal's index there is only this pseudonym, which cannot be reversed (or tried against all ID numbers)
 * without the key. {@code key} is base64 of 32 random bytes, made by the portal on its first start.
 */
public record HolderKey(String key) {

    private static final Pattern HASH = Pattern.compile("^[0-9a-f]{64}$");

    /** The holder key of an ID number (upper-case X as on the card). */
    public String hash(String idNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(idNumber.strip().toUpperCase(java.util.Locale.ROOT)
                    .getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("holder key unusable", e);
        }
    }

    public static boolean validHash(String hash) {
        return hash != null && HASH.matcher(hash).matches();
    }
}
