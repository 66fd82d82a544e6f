package org.bianmin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.bianmin.portal.store.PortalDatabase;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./kiosk portal}'s options (the server itself is covered by the other tests). */
class PortalMainTest {

    private final StringWriter err = new StringWriter();

    private CommandLine command(PortalMain main) {
        return new CommandLine(main).setErr(new PrintWriter(err));
    }

    @Test
    void withoutADatabaseTheSqliteFileLivesInTheDataDirectory() {
        PortalMain main = new PortalMain();
        command(main).parseArgs("--data-dir", "/tmp/h16-portal", "--port", "0");
        // The environment variable may be set where the tests run: only its absence is checked here.
        if (System.getenv(PortalMain.DATABASE_VARIABLE) == null) {
            assertThat(main.options().database())
                    .isEqualTo(new PortalDatabase.Sqlite(Path.of("/tmp/h16-portal/portal.db")));
        }
        assertThat(main.options().dataDir()).isEqualTo(Path.of("/tmp/h16-portal"));
    }

    @Test
    void aPostgresqlUrlSelectsPostgresqlAndItsPasswordIsNeverShown() {
        PortalMain main = new PortalMain();
        String url = "jdbc:postgresql://db.example:5432/portal?user=portal&password=s3cret";
        command(main).parseArgs("--database", url);
        PortalDatabase database = main.options().database();
        assertThat(database).isEqualTo(new PortalDatabase.Postgres(url));
        assertThat(database.toString()).doesNotContain("s3cret").contains("password=***");
    }

    @Test
    void aDatabaseThatIsNoPostgresqlUrlOrABadPortIsAUsageError() {
        assertThat(command(new PortalMain()).execute("--database", "jdbc:mysql://db/portal")).isEqualTo(2);
        assertThat(err.toString()).contains("--database", "jdbc:postgresql:");
        assertThat(command(new PortalMain()).execute("--port", "70000")).isEqualTo(2);
        assertThat(command(new PortalMain()).execute("--port", "many")).isEqualTo(2);
        assertThat(command(new PortalMain()).execute("--colour")).isEqualTo(2);
        assertThat(command(new PortalMain()).execute("--metrics-port", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--metrics-port");
    }

    @Test
    void metricsAreOffUnlessAPortIsGivenAndThenOnLoopbackByDefault() {
        PortalMain off = new PortalMain();
        command(off).parseArgs();
        assertThat(off.options().metricsPort()).isEqualTo(-1);
        PortalMain on = new PortalMain();
        command(on).parseArgs("--metrics-port", "9730");
        assertThat(on.options()).extracting(PortalOptions::metricsHost, PortalOptions::metricsPort)
                .containsExactly("127.0.0.1", 9730);
    }
}
