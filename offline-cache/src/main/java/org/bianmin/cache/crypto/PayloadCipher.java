package org.bianmin.cache.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for personal payloads: a fresh 96-bit random IV per payload, a 128-bit tag, and associated data
 * that binds the ciphertext to its row (the idempotency key) and to its key id, so a payload copied to another
 * row or relabelled with another key fails to open.
 */
public final class PayloadCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyVault vault;
    private final SecureRandom random;

    public PayloadCipher(KeyVault vault, SecureRandom random) {
        this.vault = vault;
        this.random = random;
    }

    /** A sealed payload: {@code blob} is IV ‖ ciphertext ‖ tag, made with key {@code keyId}. */
    public record Sealed(int keyId, byte[] blob) {}

    public Sealed seal(byte[] plaintext, String boundTo) {
        int keyId = vault.currentKeyId();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, vault.key(keyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(keyId, boundTo));
            byte[] sealed = cipher.doFinal(plaintext);
            return new Sealed(keyId, ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is available on every supported JDK", e);
        }
    }

    public byte[] open(int keyId, byte[] blob, String boundTo) {
        if (!vault.keyIds().contains(keyId)) {
            throw new CryptoException.UnknownKey(keyId);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, vault.key(keyId), new GCMParameterSpec(TAG_BITS, blob, 0, IV_BYTES));
            cipher.updateAAD(aad(keyId, boundTo));
            return cipher.doFinal(blob, IV_BYTES, blob.length - IV_BYTES);
        } catch (GeneralSecurityException e) { // AEADBadTagException, or a blob too short to hold IV and tag
            throw new CryptoException.Tampered(e);
        }
    }

    public KeyVault vault() {
        return vault;
    }

    private static byte[] aad(int keyId, String boundTo) {
        return (keyId + ":" + boundTo).getBytes(StandardCharsets.UTF_8);
    }
}
