package org.bianmin.cache.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
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
import org.bianmin.protocol.json.BoundedJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches {@code catalogue.json} with If-None-Match and, when it changed, its detached signature; applies the
 * version only after the signature verifies against a trusted key, the body passes the schema and semantic
 * checks, and the version is newer. Anything else is refused with an alert and the current catalogue stays.
 *
 * <p>The ETag of the current version is kept with it in the store, so the first check after a restart is one
 * conditional GET. After a refusal the kiosk revalidates the refused file (one 304 per poll, no new alert) and
 * its signature: a publish that keeps the body but corrects the signature (re-signed with the right key, a
 * {@code .sig} that reached the CDN late) is fetched again and applied.
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
    /** The ETag of the file that carried the current version (null: unknown, download unconditionally). */
    private String etag;
    /** The last refused offer, its ETag and its signature file (null when the last offer was fine or had no ETag). */
    private CatalogueCheck.Refused refused;
    private String refusedEtag;
    private byte[] refusedSignature;
    private volatile Instant lastSync;

    CatalogueSync(PortalClient client, SyncSettings settings, CatalogueStore store, Clock clock,
                  Consumer<SyncAlert> alerts) {
        this.client = client;
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.alerts = alerts;
        this.verifier = new CatalogueVerifier(settings.trustedKeys(), store);
        this.etag = store.etag().orElse(null);
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
        // After a refusal, ask "still that refused file?" so a bad publish costs one 304 (and the small .sig, in
        // case only the signature was corrected) per poll, not a download and a fresh alert from every kiosk.
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
            return refused != null ? revalidateRefusedSignature(mayRefetch) : new CatalogueCheck.Unchanged(currentVersion());
        }
        if (body.status() != 200) {
            return new CatalogueCheck.Unreachable("catalogue: " + client.describe(body));
        }
        String offeredEtag = body.headers().firstValue("ETag").orElse(null);
        PortalClient.Reply sigReply = fetchSignature();
        if (!(sigReply instanceof PortalClient.Reply.Answered sig) || sig.status() != 200) {
            return signatureUnreachable(sigReply);
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
            refusedSignature = sig.body();
            return result;
        }
        forgetRefusal();
        long held = switch (result) {
            case CatalogueCheck.Applied a -> a.version();
            case CatalogueCheck.Unchanged u -> u.version();
            default -> 0;
        };
        if (offeredEtag != null && held > 0 && !offeredEtag.equals(etag)) {
            store.rememberEtag(held, offeredEtag);
        }
        etag = offeredEtag;
        return result;
    }

    /**
     * The refused body is unchanged (304); its signature may not be: fetch the small {@code .sig} and, if it is
     * not the one refused, fetch and verify the whole offer again.
     */
    private CatalogueCheck revalidateRefusedSignature(boolean mayRefetch) {
        PortalClient.Reply sigReply = fetchSignature();
        if (!(sigReply instanceof PortalClient.Reply.Answered sig) || sig.status() != 200) {
            return signatureUnreachable(sigReply);
        }
        if (Arrays.equals(sig.body(), refusedSignature)) {
            return refused;
        }
        LOG.info("the signature of the refused catalogue changed; fetching the catalogue again");
        forgetRefusal();
        return check(mayRefetch);
    }

    private void forgetRefusal() {
        refused = null;
        refusedEtag = null;
        refusedSignature = null;
    }

    private PortalClient.Reply fetchSignature() {
        return client.send(HttpRequest.newBuilder(client.catalogueFile(ApiPaths.CATALOGUE_SIGNATURE)),
                settings.requestTimeout());
    }

    private CatalogueCheck.Unreachable signatureUnreachable(PortalClient.Reply reply) {
        return new CatalogueCheck.Unreachable("signature file: " + (reply instanceof PortalClient.Reply.Answered a
                ? client.describe(a) : ((PortalClient.Reply.NoAnswer) reply).error()));
    }

    private boolean hashHintMatches(byte[] body, byte[] sigBytes) {
        try {
            String hint = BoundedJson.readValue(json, sigBytes, CatalogueSignatureFile.class).sha256();
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
