package org.bianmin.portal;

import io.javalin.Javalin;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference central portal's HTTP server. This first version serves the catalogue (with ETag /
 * If-None-Match) and a health check; the portal protocol issue adds the rest of the API.
 */
public final class PortalServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PortalServer.class);

    private final Javalin app;
    private final byte[] catalogueJson;
    private final String etag;

    private PortalServer(Catalogue catalogue) {
        try {
            catalogueJson = CatalogueReader.mapper().writeValueAsBytes(catalogue);
            etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(catalogueJson), 0, 16)
                    + "\"";
        } catch (java.io.IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot serialise catalogue", e);
        }
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/api/v1/health", ctx -> ctx.json(java.util.Map.of("status", "ok")));
            config.routes.get("/api/v1/catalogue", ctx -> {
                ctx.header("ETag", etag);
                if (etag.equals(ctx.header("If-None-Match"))) {
                    ctx.status(304);
                    return;
                }
                ctx.contentType("application/json; charset=utf-8").result(catalogueJson);
            });
        });
    }

    /** Starts on {@code host:port}; port 0 picks a free one (see {@link #port()}). */
    public static PortalServer start(Catalogue catalogue, String host, int port) {
        PortalServer server = new PortalServer(catalogue);
        server.app.start(host, port);
        LOG.info("reference portal listening on http://{}:{}/ (catalogue version {})", host, server.port(),
                catalogue.version());
        return server;
    }

    public int port() {
        return app.port();
    }

    public String catalogueEtag() {
        return etag;
    }

    @Override
    public void close() {
        app.stop();
    }
}
