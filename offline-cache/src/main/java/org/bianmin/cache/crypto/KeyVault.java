package org.bianmin.cache.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.bianmin.protocol.files.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AES-256 payload keys in a PKCS12 key store ({@value #STORE}) in the data directory, numbered 1, 2, 3…; the
 * highest is current. The store's password is a random value in {@value #PASSWORD} beside it. Both files are
 * owner-only ({@code rw-------}) and replaced atomically (write, fsync, rename).
 *
 * <p>What this protects: a copy of the database file (or its WAL, or a backup of it) alone reveals no personal
 * data. Whoever can read the whole data directory as the kiosk user can read the keys too; against a stolen disk
 * the installer's full-disk encryption is the defence.
 */
public final class KeyVault {

    public static final String STORE = "keys.p12";
    public static final String PASSWORD = "keys.p12.pass";

    private static final Logger LOG = LoggerFactory.getLogger(KeyVault.class);
    private static final String PREFIX = "payload-";

    private final Path store;
    private final char[] password;
    private final KeyStore keyStore;
    private final SecureRandom random;
    /** Unwrapped keys: reading a PKCS12 entry runs its password-based key derivation, far too slow per payload. */
    private final Map<Integer, SecretKey> unwrapped = new HashMap<>();

    private KeyVault(Path store, char[] password, KeyStore keyStore, SecureRandom random) {
        this.store = store;
        this.password = password;
        this.keyStore = keyStore;
        this.random = random;
    }

    /** Opens the key store in {@code directory}, creating it (with a first key) and its password if missing. */
    public static KeyVault openOrCreate(Path directory, SecureRandom random) {
        Path store = directory.resolve(STORE);
        Path passwordFile = directory.resolve(PASSWORD);
        try {
            OwnerOnly.directory(directory);
            if (!Files.exists(passwordFile)) {
                if (Files.exists(store)) {
                    throw new CryptoException.KeyStoreUnusable(passwordFile + " is missing; " + store
                            + " cannot be opened without it", null);
                }
                byte[] secret = new byte[32];
                random.nextBytes(secret);
                OwnerOnly.write(passwordFile, Base64.getEncoder().encode(secret));
            }
            char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII).strip().toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            if (Files.exists(store)) {
                try (InputStream in = Files.newInputStream(store)) {
                    ks.load(in, password);
                }
            } else {
                ks.load(null, password);
            }
            KeyVault vault = new KeyVault(store, password, ks, random);
            if (vault.keyIds().isEmpty()) {
                vault.rotate();
            }
            return vault;
        } catch (IOException | GeneralSecurityException e) {
            throw new CryptoException.KeyStoreUnusable("key store " + store + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** Key ids held, ascending. */
    public synchronized SortedSet<Integer> keyIds() {
        try {
            SortedSet<Integer> ids = new TreeSet<>();
            for (String alias : Collections.list(keyStore.aliases())) {
                if (alias.startsWith(PREFIX)) {
                    ids.add(Integer.parseInt(alias.substring(PREFIX.length())));
                }
            }
            return ids;
        } catch (GeneralSecurityException e) {
            throw new CryptoException.KeyStoreUnusable("key store " + store + " cannot be listed", e);
        }
    }

    public synchronized int currentKeyId() {
        return keyIds().last();
    }

    public synchronized SecretKey key(int id) {
        SecretKey cached = unwrapped.get(id);
        if (cached != null) {
            return cached;
        }
        try {
            var entry = keyStore.getEntry(PREFIX + id, new KeyStore.PasswordProtection(password));
            if (!(entry instanceof KeyStore.SecretKeyEntry secret)) {
                throw new CryptoException.UnknownKey(id);
            }
            unwrapped.put(id, secret.getSecretKey());
            return secret.getSecretKey();
        } catch (GeneralSecurityException e) {
            throw new CryptoException.KeyStoreUnusable("payload key " + id + " cannot be read", e);
        }
    }

    /** Adds a new key and makes it current; older keys stay until {@link #retire}d. Returns the new id. */
    public synchronized int rotate() {
        int id = keyIds().isEmpty() ? 1 : keyIds().last() + 1;
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            keyStore.setEntry(PREFIX + id, new KeyStore.SecretKeyEntry(generator.generateKey()),
                    new KeyStore.PasswordProtection(password));
            save();
        } catch (GeneralSecurityException | IOException e) {
            throw new CryptoException.KeyStoreUnusable("cannot add payload key " + id + " to " + store, e);
        }
        LOG.info("payload key {} created and made current", id);
        return id;
    }

    /** Removes a key no payload uses any more. The current key cannot be retired. */
    public synchronized void retire(int id) {
        if (id == currentKeyId()) {
            throw new IllegalArgumentException("payload key " + id + " is current");
        }
        try {
            keyStore.deleteEntry(PREFIX + id);
            unwrapped.remove(id);
            save();
        } catch (GeneralSecurityException | IOException e) {
            throw new CryptoException.KeyStoreUnusable("cannot remove payload key " + id + " from " + store, e);
        }
        LOG.info("payload key {} retired", id);
    }

    private void save() throws IOException, GeneralSecurityException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        keyStore.store(out, password);
        OwnerOnly.write(store, out.toByteArray());
    }
}
