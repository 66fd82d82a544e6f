package org.bianmin.receipt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * The kiosk's Ed25519 receipt-signing key. Stored under the data directory's {@code keys/} folder as
 * {@value #PRIVATE_FILE} (PKCS#8, owner-only) and {@value #PUBLIC_FILE} (X.509 SubjectPublicKeyInfo), both DER.
 * The public file is what a service hall's back office keeps to verify receipts from this kiosk.
 */
public record ReceiptSigningKey(PrivateKey privateKey, PublicKey publicKey) {

    public static final String PRIVATE_FILE = "receipt-signing.ed25519.pk8";
    public static final String PUBLIC_FILE = "receipt-signing.ed25519.pub";

    /** Loads the key pair from {@code keysDir}, creating it on first use. */
    public static ReceiptSigningKey loadOrCreate(Path keysDir) throws IOException, GeneralSecurityException {
        Path priv = keysDir.resolve(PRIVATE_FILE);
        Path pub = keysDir.resolve(PUBLIC_FILE);
        if (Files.exists(priv) && Files.exists(pub)) {
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            return new ReceiptSigningKey(kf.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(priv))),
                    kf.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(pub))));
        }
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.createDirectories(keysDir);
        // Owner-only before the first byte of the private key is written (chmod afterwards left a readable moment).
        Files.write(priv, new byte[0]);
        try {
            Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's ACL already limits access
        }
        Files.write(priv, kp.getPrivate().getEncoded());
        Files.write(pub, kp.getPublic().getEncoded());
        return new ReceiptSigningKey(kp.getPrivate(), kp.getPublic());
    }

    public static PublicKey loadPublic(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Files.readAllBytes(file)));
    }

    /** First 16 hex digits of SHA-256 over the encoded public key: names the key in a signature trailer. */
    public static String fingerprint(PublicKey key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
