package org.bianmin.portal;

import java.nio.file.Path;
import org.bianmin.portal.store.Postgres;
import org.bianmin.portal.store.PostgresServer;
import org.bianmin.protocol.catalogue.Catalogue;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every test of the whole portal protocol over HTTP again, on a PostgreSQL database of its own. */
@ExtendWith(Postgres.class)
class PostgresPortalServerTest extends PortalServerTest {

    private final PostgresServer postgres;
    private final Path dataDir;

    PostgresPortalServerTest(PostgresServer postgres, @TempDir Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    @Override
    PortalServer startPortal(Catalogue catalogue) {
        return PortalServer.start(PortalOptions.of(dataDir, "127.0.0.1", 0, catalogue)
                .withDatabase(postgres.newDatabase()));
    }
}
