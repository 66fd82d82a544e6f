package org.bianmin.cache.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;
import org.bianmin.cache.catalogue.CatalogueStore;
import org.bianmin.cache.catalogue.StoredCatalogue;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.CatalogueSignatureFile;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches {@code catalogue.json} with If-None-Match and, when it changed, its detached signature; applies the
 * version only after the signature verifies against a trusted key, the body passes the schema and semantic
 * checks, and the version is newer. Anything else is refused with an alert and the current catalogue stays.
 */
final class CatalogueSync {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueSync.class);

    private final PortalClient client;
    private final SyncSettings settings;
    private final CatalogueStore store;
    private final Clock clock;
    private final Consumer<SyncAlert> alerts;
    private final CatalogueVerifier verifier;
    private final ObjectMapper json = CatalogueReader.mapper();
    private String etag;
    /** The last refused offer and its ETag (null when the last offer was fine or had no ETag). */
    private CatalogueCheck.Refused refused;
    private String refusedEtag;
    private volatile Instant lastSync;

    CatalogueSync(PortalClient client, SyncSettings settings, CatalogueStore store, Clock clock,
                  Consumer<SyncAlert> alerts) {
        this.client = client;
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.alerts = alerts;
        this.verifier = new CatalogueVerifier(settings.trustedKeys(), store);
    }

    /** The last time the catalogue source answered (whatever the answer). */
    Optional<Instant> lastSync() {
        return Optional.ofNullable(lastSync);
    }

    long currentVersion() {
        return store.current().map(StoredCatalogue::catalogue).map(Catalogue::version).orElse(0L);
    }

    synchronized CatalogueCheck check() {
        return check(true);
    }

    /** {@code mayRefetch}: a publish between the two GETs pairs a new body with an old signature; look once more. */
    private CatalogueCheck check(boolean mayRefetch) {
        HttpRequest.Builder get = HttpRequest.newBuilder(client.catalogueFile(ApiPaths.CATALOGUE))
                .header("Accept-Encoding", "gzip");
        // After a refusal, ask "still that refused file?" so a bad publish costs one 304 per poll, not a download
        // and a fresh alert from every kiosk.
        String conditional = refused != null ? refusedEtag : etag != null && store.current().isPresent() ? etag : null;
        if (conditional != null) {
            get.header("If-None-Match", conditional);
        }
        PortalClient.Reply reply = client.send(get, settings.catalogueTimeout());
        if (!(reply instanceof PortalClient.Reply.Answered body)) {
            return new CatalogueCheck.Unreachable(((PortalClient.Reply.NoAnswer) reply).error());
        }
        if (body.status() == 304) {
            lastSync = clock.instant();
            return refused != null ? refused : new CatalogueCheck.Unchanged(currentVersion());
        }
        if (body.status() != 200) {
            return new CatalogueCheck.Unreachable("catalogue: " + client.describe(body));
        }
        String offeredEtag = body.headers().firstValue("ETag").orElse(null);
        PortalClient.Reply sigReply = client.send(HttpRequest.newBuilder(
                client.catalogueFile(ApiPaths.CATALOGUE_SIGNATURE)), settings.requestTimeout());
        if (!(sigReply instanceof PortalClient.Reply.Answered sig) || sig.status() != 200) {
            return new CatalogueCheck.Unreachable("signature file: " + (sigReply instanceof PortalClient.Reply.Answered a
                    ? client.describe(a) : ((PortalClient.Reply.NoAnswer) sigReply).error()));
        }
        lastSync = clock.instant();
        if (mayRefetch && !hashHintMatches(body.body(), sig.body())) {
            LOG.info("catalogue and signature fetched across a publish; fetching both again");
            return check(false);
        }
        CatalogueCheck result = verifyAndApply(body.body(), sig.body());
        if (result instanceof CatalogueCheck.Refused r) {
            refused = offeredEtag == null ? null : r;
            refusedEtag = offeredEtag;
        } else {
            etag = offeredEtag;
            refused = null;
            refusedEtag = null;
        }
        return result;
    }

    private boolean hashHintMatches(byte[] body, byte[] sigBytes) {
        try {
            String hint = json.readValue(sigBytes, CatalogueSignatureFile.class).sha256();
            return hint == null || hint.equalsIgnoreCase(HexFormat.of().formatHex(Ed25519Keys.sha256(body)));
        } catch (IOException e) {
            return true; // verifyAndApply refuses the unreadable signature file
        }
    }

    private CatalogueCheck verifyAndApply(byte[] body, byte[] sigBytes) {
        CatalogueCheck result = verifier.verifyAndApply(body, sigBytes, "portal catalogue");
        if (result instanceof CatalogueCheck.Refused r) {
            alerts.accept(new SyncAlert(SyncAlert.Kind.CATALOGUE_REFUSED, r.reason(), clock.instant()));
        }
        return result;
    }
}
