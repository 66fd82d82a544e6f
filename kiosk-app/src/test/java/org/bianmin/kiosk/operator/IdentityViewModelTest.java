package org.bianmin.kiosk.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bianmin.cache.audit.Outcome;
import org.bianmin.kiosk.admin.Prompt;
import org.bianmin.kiosk.config.ConfigStore;
import org.bianmin.kiosk.config.KioskConfig;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.KeyFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityViewModelTest {

    @TempDir
    Path dir;
    private OperatorFixture f;
    private ConfigStore store;
    private IdentityViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        f = new OperatorFixture(dir);
        store = new ConfigStore(dir.resolve("config.json"));
        KioskConfig start = KioskConfig.defaults();
        store.save(start);
        vm = new IdentityViewModel(store, new IdentityViewModel.Running(start.kioskId(), start.portalUrl(),
                List.of(), Optional.empty()), f.session);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void invalidValuesAreNamedAndNothingIsWritten() throws Exception {
        String before = Files.readString(dir.resolve("config.json"));
        vm.kioskIdProperty().set("fz 1");
        vm.portalUrlProperty().set("ftp://portal");
        vm.save();
        assertThat(vm.messagesProperty().get()).containsExactly(Prompt.of("operator.identity.problem.kioskId"),
                Prompt.of("operator.identity.problem.portalUrl"));
        vm.portalUrlProperty().set("http://exa mple");
        vm.save();
        assertThat(vm.messagesProperty().get()).containsExactly(Prompt.of("operator.identity.problem.portalUrl"));
        assertThat(Files.readString(dir.resolve("config.json"))).isEqualTo(before);
        assertThat(f.audited.getLast().outcome()).isEqualTo(Outcome.DENIED);
        assertThat(vm.restartNeededProperty().get()).isFalse();
    }

    @Test
    void aValidEditIsSavedAtomicallyAndSaysItNeedsARestart() throws Exception {
        KeyFile key = Ed25519Keys.toFile(Ed25519Keys.generate());
        Path usb = Files.createDirectories(dir.resolve("usb"));
        Ed25519Keys.write(key.publicOnly(), usb.resolve("operator.pub.json"));
        Ed25519Keys.write(key, usb.resolve("operator.key.json"));

        vm.addKey(usb.resolve("operator.key.json"));
        assertThat(vm.messagesProperty().get()).containsExactly(Prompt.of("operator.identity.keyPrivate",
                "operator.key.json"));
        assertThat(vm.keysProperty().get()).isEmpty();
        vm.addKey(usb.resolve("operator.pub.json"));
        vm.addKey(usb.resolve("operator.pub.json"));
        assertThat(vm.messagesProperty().get()).containsExactly(Prompt.of("operator.identity.keyKnown", key.keyId()));
        vm.kioskIdProperty().set("FZ-GL-0042");
        vm.portalUrlProperty().set("https://portal.example.gov.cn/");
        vm.save();

        KioskConfig saved = store.loadOrCreate();
        assertThat(saved.kioskId()).isEqualTo("FZ-GL-0042");
        assertThat(saved.portalUrl()).isEqualTo(URI.create("https://portal.example.gov.cn/"));
        assertThat(saved.trustedKeys()).containsExactly(key.publicOnly());
        assertThat(dir.resolve("config.json.tmp")).doesNotExist();
        assertThat(vm.restartNeededProperty().get()).isTrue();
        assertThat(vm.messagesProperty().get()).containsExactly(Prompt.of("operator.identity.savedRestart"));
        assertThat(f.audited.getLast()).isEqualTo(new OperatorFixture.Audited("operator.identity.save",
                Outcome.SUCCESS, "kioskId KIOSK-0001 -> FZ-GL-0042; portalUrl http://127.0.0.1:8730/ -> "
                + "https://portal.example.gov.cn/; key +" + key.keyId()));

        vm.removeKey(key.keyId());
        vm.revert();
        assertThat(vm.keysProperty().get()).as("revert reads config.json again").containsExactly(key.publicOnly());
    }

    @Test
    void theKeyThatSignedTheCatalogueInUseCannotBeRemoved() throws Exception {
        KeyFile signer = Ed25519Keys.toFile(Ed25519Keys.generate());
        KeyFile spare = Ed25519Keys.toFile(Ed25519Keys.generate());
        KioskConfig start = KioskConfig.defaults();
        store.save(start.withIdentity(start.kioskId(), start.portalUrl(), List.of(signer.publicOnly(),
                spare.publicOnly())));
        vm = new IdentityViewModel(store, new IdentityViewModel.Running(start.kioskId(), start.portalUrl(),
                List.of(signer.keyId(), spare.keyId()), Optional.of(signer.keyId())), f.session);

        vm.removeKey(signer.keyId());
        assertThat(vm.messagesProperty().get()).containsExactly(Prompt.of("operator.identity.keyInUse",
                signer.keyId()));
        vm.removeKey(spare.keyId());
        vm.save();
        assertThat(store.loadOrCreate().trustedKeys()).containsExactly(signer.publicOnly());
    }
}
