package org.bianmin.kiosk.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.bianmin.kiosk.admin.Prompt;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.cache.audit.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each background step of the operator panel with its storage failing under it: the card comes out of busy and
 * says so, in every language, and the failure is audited where the step is.
 */
class BackgroundFailuresTest {

    @TempDir
    Path dir;
    private OperatorFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new OperatorFixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void outboxStepsOnAClosedDatabaseSayTheyFailed() {
        OutboxViewModel vm = new OutboxViewModel(f.cache.outbox(), Optional.empty(), f.clock, f.session,
                Runnable::run, Runnable::run);
        f.cache.close();

        vm.refresh();
        assertFailed(vm.messageProperty().get());
        vm.retry(1);
        assertFailed(vm.messageProperty().get());
        assertThat(f.audited).anySatisfy(a -> {
            assertThat(a.event()).isEqualTo("operator.outbox.retry");
            assertThat(a.outcome()).isEqualTo(Outcome.FAILURE);
        });
    }

    @Test
    void auditStepsOnAClosedDatabaseSayTheyFailed() {
        AuditViewModel vm = new AuditViewModel(f.cache.audit(), f.session, Runnable::run, Runnable::run);
        f.cache.close();

        vm.refresh();
        assertFailed(vm.messageProperty().get());
        vm.verify();
        assertFailed(vm.messageProperty().get());
        assertThat(vm.verificationProperty().get()).as("no verdict on a chain not read").isNull();
    }

    @Test
    void anImportWhoseKeysCannotBeReadLeavesBusyAndSaysSo() throws Exception {
        Path file = OperatorFixture.signedFile(dir.resolve("usb"), "catalogue.json", 2, f.key);
        CatalogueViewModel vm = new CatalogueViewModel(() -> f.cache.catalogue().current().orElseThrow(),
                Optional.empty(), new CatalogueImport(f.cache.catalogue(), () -> {
                    throw new IllegalStateException("key store unreadable");
                }), f.session, Runnable::run, Runnable::run);

        vm.importFrom(file);
        assertThat(vm.busyProperty().get()).isFalse();
        assertFailed(vm.messageProperty().get());
        assertThat(f.currentVersion()).isEqualTo(1);
    }

    /** "Not done (IllegalStateException)…" from the bundle, in each language, never the bare key. */
    static void assertFailed(Prompt prompt) {
        assertThat(prompt).isNotNull();
        assertThat(prompt.key()).isEqualTo("admin.failed");
        for (Language language : Language.values()) {
            String text = prompt.text(new Messages(language), ZoneOffset.UTC);
            assertThat(text).as(language.tag()).isNotBlank().doesNotContain("admin.failed")
                    .contains(String.valueOf(prompt.args().getFirst()));
        }
        assertThat(List.of(prompt.text(new Messages(Language.ZH_CN), ZoneOffset.UTC),
                prompt.text(new Messages(Language.EN), ZoneOffset.UTC))).doesNotHaveDuplicates();
    }
}
