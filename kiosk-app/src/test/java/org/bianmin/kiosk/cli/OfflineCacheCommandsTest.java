package org.bianmin.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import org.bianmin.cache.OfflineCache;
import org.bianmin.cache.outbox.DeliveryResult;
import org.bianmin.cache.outbox.NewSubmission;
import org.bianmin.cache.outbox.OutboxDispatcher;
import org.bianmin.cache.outbox.SubmissionKind;
import org.bianmin.kiosk.config.DataDirectory;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** kioskctl catalogue import/search, outbox status/list/retry, audit verify/tail on a real data directory. */
class OfflineCacheCommandsTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private int ctl(String... args) {
        console.reset();
        String[] withDir = new String[args.length + 2];
        System.arraycopy(args, 0, withDir, 0, args.length);
        withDir[args.length] = "--data-dir";
        withDir[args.length + 1] = dir.toString();
        return KioskCtl.run(withDir);
    }

    private String stdout() {
        return console.out();
    }

    private Path catalogueFile(long version) throws Exception {
        Catalogue sample = new CatalogueReader().readSample();
        Catalogue c = new Catalogue(sample.format(), version, sample.publishedAt(), sample.region(), sample.hall(),
                sample.departments(), sample.topics(), sample.items());
        Path file = dir.resolve("catalogue-" + version + ".json");
        CatalogueReader.mapper().writeValue(file.toFile(), c);
        return file;
    }

    @Test
    void importThenSearchAndRefuseAnOlderVersion() throws Exception {
        assertThat(ctl("catalogue", "search", "sb")).isEqualTo(3);
        assertThat(ctl("catalogue", "import", catalogueFile(5).toString())).isZero();
        assertThat(stdout()).contains("imported: version 5 is current", "no earlier version to roll back to");
        assertThat(ctl("catalogue", "search", "shebao")).isZero();
        assertThat(stdout()).contains("PREFIX", "社会保障卡申领").doesNotStartWith("0 result(s)");
        assertThat(ctl("catalogue", "search", "社會保險")).isZero();
        assertThat(stdout()).doesNotStartWith("0 result(s)");

        assertThat(ctl("catalogue", "import", catalogueFile(4).toString())).isEqualTo(2);
        assertThat(console.err()).contains("refused: version 4 is older than the current version 5");
        assertThat(ctl("catalogue", "rollback")).isEqualTo(2);
        assertThat(ctl("catalogue", "import", catalogueFile(6).toString())).isZero();
        assertThat(ctl("catalogue", "rollback")).isZero();
        assertThat(stdout()).contains("version 6 dropped, version 5 is current");
        assertThat(ctl("catalogue", "import", catalogueFile(6).toString())).isEqualTo(2);
        assertThat(ctl("audit", "tail")).isZero();
        assertThat(stdout()).contains("CATALOGUE_IMPORT", "CATALOGUE_ROLLBACK", "SUCCESS", "DENIED", "TECHNICIAN");
        assertThat(ctl("audit", "verify")).isZero();
        assertThat(stdout()).startsWith("intact: 5 records, head ");
    }

    @Test
    void outboxStatusListAndRetryOfABlockedEntry() throws Exception {
        DataDirectory data = new DataDirectory(dir);
        long blockedId;
        try (OfflineCache cache = OfflineCache.open(dir, data.database(), OfflineCache.Settings.defaults("KIOSK-0001"),
                Clock.systemUTC(), a -> {})) {
            blockedId = cache.outbox().enqueue(new NewSubmission(SubmissionKind.APPLICATION, "ITEM-1",
                    "{\"name\":\"张三\"}".getBytes(StandardCharsets.UTF_8))).id();
            new OutboxDispatcher(cache.outbox(), s -> new DeliveryResult.PermanentFailure("unknown item code"),
                    Clock.systemUTC()).deliverDue();
            cache.outbox().enqueue(new NewSubmission(SubmissionKind.RATING, "ITEM-2", new byte[] {1}));
        }
        assertThat(ctl("outbox", "status")).isZero();
        assertThat(stdout()).contains("pending   1", "blocked   1");
        assertThat(ctl("outbox", "list")).isZero();
        assertThat(stdout()).contains("KIOSK-0001-", "blocked: unknown item code", "RATING").doesNotContain("张三");

        assertThat(ctl("outbox", "retry", String.valueOf(blockedId))).isZero();
        assertThat(stdout()).contains("was blocked; it is pending and due now");
        assertThat(ctl("outbox", "retry", "999")).isEqualTo(1);
        assertThat(ctl("outbox", "status")).isZero();
        assertThat(stdout()).contains("pending   2", "blocked   0");
        assertThat(ctl("outbox", "rotate-key")).isZero();
        assertThat(stdout()).contains("payload key 2 is current; 2 payloads re-encrypted; keys [1] removed");
    }

    @Test
    void auditVerifyReportsTampering() throws Exception {
        ctl("catalogue", "import", catalogueFile(1).toString());
        ctl("catalogue", "import", catalogueFile(2).toString());
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + new DataDirectory(dir).database());
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_no_update");
            s.execute("UPDATE audit SET outcome = 'FAILURE' WHERE seq = 1");
        }
        assertThat(ctl("audit", "verify")).isEqualTo(1);
        assertThat(stdout()).contains("BROKEN at record 1 (ALTERED)");
    }
}
