package org.bianmin.protocol.signing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.bianmin.protocol.api.CatalogueSignatureFile;
import org.bianmin.protocol.json.BoundedJson;

/** Ed25519 keys (built into the JDK): generation, key ids, and the JSON key-file form. */
public final class Ed25519Keys {

    private static final ObjectMapper JSON = BoundedJson.mapper();
    /** A key file is a few hundred bytes; anything much larger is not one. */
    private static final int MAX_KEY_FILE_BYTES = 64 * 1024;

    private Ed25519Keys() {}

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(CatalogueSignatureFile.ED25519).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK lacks Ed25519", e);
        }
    }

    /** First 16 hex digits of the SHA-256 of the encoded public key: stable, short, printable. */
    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(sha256(key.getEncoded()), 0, 8);
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK lacks SHA-256", e);
        }
    }

    public static KeyFile toFile(KeyPair pair) {
        Base64.Encoder b64 = Base64.getEncoder();
        return new KeyFile(keyId(pair.getPublic()), CatalogueSignatureFile.ED25519,
                b64.encodeToString(pair.getPublic().getEncoded()), b64.encodeToString(pair.getPrivate().getEncoded()));
    }

    public static KeyFile read(Path file) throws SigningException {
        try {
            return BoundedJson.readValue(JSON, BoundedJson.readFile(file, MAX_KEY_FILE_BYTES), KeyFile.class);
        } catch (JsonProcessingException e) {
            throw new SigningException("cannot read key file " + file + ": " + BoundedJson.describe(e), e);
        } catch (IOException e) {
            throw new SigningException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
    }

    public static void write(KeyFile key, Path file) throws IOException {
        Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(key));
    }

    public static PublicKey publicKey(KeyFile file) throws SigningException {
        requireEd25519(file);
        try {
            PublicKey key = KeyFactory.getInstance(CatalogueSignatureFile.ED25519)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(file.publicKey())));
            if (!keyId(key).equals(file.keyId())) {
                throw new SigningException("key file " + file.keyId() + ": keyId does not match the public key");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            throw new SigningException("key " + file.keyId() + ": not a valid Ed25519 public key", e);
        }
    }

    public static PrivateKey privateKey(KeyFile file) throws SigningException {
        requireEd25519(file);
        if (file.privateKey() == null) {
            throw new SigningException("key " + file.keyId() + " is a public key file; signing needs the private key");
        }
        try {
            return KeyFactory.getInstance(CatalogueSignatureFile.ED25519)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(file.privateKey())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SigningException("key " + file.keyId() + ": not a valid Ed25519 private key", e);
        }
    }

    private static void requireEd25519(KeyFile file) throws SigningException {
        if (file == null) {
            throw new SigningException("no key given");
        }
        if (!CatalogueSignatureFile.ED25519.equals(file.algorithm())) {
            throw new SigningException("key " + file.keyId() + ": algorithm " + file.algorithm() + ", Ed25519 expected");
        }
    }
}
