package org.bianmin.protocol.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bianmin.protocol.api.CatalogueSignatureFile;
import org.bianmin.protocol.api.FailureClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningTest {

    private final byte[] body = "{\"version\":2}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signatureVerifiesOnlyForTheSignedBytesAndTrustedKeys(@TempDir Path dir) throws Exception {
        KeyFile operator = Ed25519Keys.toFile(Ed25519Keys.generate());
        Ed25519Keys.write(operator, dir.resolve("op.key.json"));
        KeyFile reread = Ed25519Keys.read(dir.resolve("op.key.json"));
        CatalogueSignatureFile sig = new CatalogueSigner(reread).sign(body, 2);
        TrustedKeys trusted = TrustedKeys.of(List.of(operator.publicOnly()));

        assertThat(trusted.verify(body, sig)).isEqualTo(new Verification.Valid(operator.keyId()));
        byte[] tampered = body.clone();
        tampered[2] ^= 1;
        assertThat(trusted.verify(tampered, sig)).isInstanceOf(Verification.BadSignature.class);
        assertThat(trusted.verify(java.util.Arrays.copyOf(body, 5), sig)).isInstanceOf(Verification.BadSignature.class);

        KeyFile stranger = Ed25519Keys.toFile(Ed25519Keys.generate());
        CatalogueSignatureFile strangers = new CatalogueSigner(stranger).sign(body, 2);
        assertThat(trusted.verify(body, strangers)).isEqualTo(new Verification.UnknownKey(stranger.keyId()));
        assertThat(trusted.verify(body, new CatalogueSignatureFile(sig.keyId(), "RSA", sig.signature(), 2, null)))
                .isInstanceOf(Verification.Malformed.class);
        assertThat(trusted.verify(body, new CatalogueSignatureFile(sig.keyId(), "Ed25519", "!!", 2, null)))
                .isInstanceOf(Verification.Malformed.class);
    }

    @Test
    void keyFilesAreChecked() {
        KeyFile key = Ed25519Keys.toFile(Ed25519Keys.generate());
        assertThatThrownBy(() -> Ed25519Keys.privateKey(key.publicOnly())).isInstanceOf(SigningException.class)
                .hasMessageContaining("private key");
        assertThatThrownBy(() -> Ed25519Keys.publicKey(new KeyFile("0000", "Ed25519", key.publicKey(), null)))
                .isInstanceOf(SigningException.class).hasMessageContaining("keyId");
    }

    @Test
    void statusCodesAreClassified() {
        assertThat(List.of(500, 502, 503, 408, 429).stream().map(FailureClass::of)).containsOnly(FailureClass.TRANSIENT);
        assertThat(List.of(400, 401, 403, 404, 409, 413, 422).stream().map(FailureClass::of))
                .containsOnly(FailureClass.PERMANENT);
    }
}
