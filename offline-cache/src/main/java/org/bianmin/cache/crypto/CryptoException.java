package org.bianmin.cache.crypto;

/** Encrypted personal data that cannot be opened, or a key store that cannot be used. */
public sealed class CryptoException extends RuntimeException
        permits CryptoException.UnknownKey, CryptoException.Tampered, CryptoException.KeyStoreUnusable {

    CryptoException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The payload names a key that is not (or no longer) in the key store. */
    public static final class UnknownKey extends CryptoException {
        public UnknownKey(int keyId) {
            super("no payload key " + keyId + " in the key store", null);
        }
    }

    /** The GCM tag did not verify: the ciphertext, its key id or the row it is bound to was changed. */
    public static final class Tampered extends CryptoException {
        public Tampered(Throwable cause) {
            super("encrypted payload failed authentication", cause);
        }
    }

    /** The key store or its password file is missing, unreadable or damaged. */
    public static final class KeyStoreUnusable extends CryptoException {
        public KeyStoreUnusable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
