package org.bianmin.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bianmin.portal.store.Answer;
import org.bianmin.portal.store.Fleet;
import org.bianmin.portal.store.PortalStore;
import org.bianmin.portal.store.PortalStoreException;
import org.bianmin.portal.store.PublishedCatalogue;
import org.bianmin.protocol.api.AdvanceRequest;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.CatalogueSignatureFile;
import org.bianmin.protocol.api.EidIdentity;
import org.bianmin.protocol.api.EidTestToken;
import org.bianmin.protocol.api.EidVerificationRequest;
import org.bianmin.protocol.api.Heartbeat;
import org.bianmin.protocol.api.HolderKey;
import org.bianmin.protocol.api.HolderLookupRequest;
import org.bianmin.protocol.api.HeartbeatAck;
import org.bianmin.protocol.api.KioskCredential;
import org.bianmin.protocol.api.Problem;
import org.bianmin.protocol.api.ProblemType;
import org.bianmin.protocol.api.PublishRequest;
import org.bianmin.protocol.api.PublishResult;
import org.bianmin.protocol.api.RatingRequest;
import org.bianmin.protocol.api.ReceiptNumbers;
import org.bianmin.protocol.api.SubmissionRequest;
import org.bianmin.protocol.api.SubmissionState;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueException;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.bianmin.protocol.files.OwnerOnly;
import org.bianmin.protocol.signing.CatalogueSigner;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.KeyFile;
import org.bianmin.protocol.signing.SigningException;
import org.bianmin.protocol.signing.TrustedKeys;
import org.bianmin.protocol.signing.Verification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference central portal: the whole portal protocol ({@code docs/portal-api.md}) over Javalin, stored in
 * SQLite or PostgreSQL ({@link PortalStore}). Logs carry method, path, status and kiosk id only — never request
 * bodies, form values or tokens.
 */
public final class PortalServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PortalServer.class);
    private static final int STORE_RETRY_AFTER_SECONDS = 5;
    private static final String KIOSK = "kiosk";
    /** The most applications a holder lookup answers with (newest first). */
    static final int HOLDER_LOOKUP_LIMIT = 20;
    /** How long a test e-ID code stays usable: real e-ID apps refresh their code about every minute. */
    public static final java.time.Duration EID_TEST_TOKEN_VALIDITY = java.time.Duration.ofMinutes(5);

    private final PortalStore store;
    private final ObjectMapper json = CatalogueReader.mapper();
    {
        // A 10,000-item catalogue travels base64 inside the publish request: allow strings up to the body limit.
        json.getFactory().setStreamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                .maxStringLength(BodyLimit.PUBLISH.bytes()).build());
    }
    private final CatalogueReader reader = new CatalogueReader();
    private final EventStreams streams = new EventStreams(json);
    private final Metrics metrics;
    private final OperatorPage operatorPage;
    private final OperatorAuth auth;
    private final Path ephemeralDir;
    private final java.time.Clock clock;
    private final Javalin app;
    private volatile Current current;
    private Bootstrap bootstrap;

    /** The published version with its items by code (to tell 即办 items and unknown codes). */
    private record Current(PublishedCatalogue published, Map<String, ServiceItem> items) {}

    private PortalServer(PortalOptions options, Path ephemeralDir) {
        this.ephemeralDir = ephemeralDir;
        this.clock = options.clock();
        try {
            // Credentials, keys and citizens' applications live here: owner-only, also what an older version left.
            OwnerOnly.directory(options.dataDir());
            OwnerOnly.tree(options.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the portal's data directory owner-only", e);
        }
        this.store = options.database().open(options.clock());
        this.operatorPage = new OperatorPage(options.clock());
        this.auth = new OperatorAuth(store, new java.security.SecureRandom());
        this.metrics = new Metrics(store, options.clock(), streams::size, this::catalogueVersion);
        this.app = Javalin.create(this::configure);
    }

    /** Starts a portal with its database in {@code options.dataDir()}; on first start it creates demo credentials. */
    public static PortalServer start(PortalOptions options) {
        return start(options, null);
    }

    /**
     * What {@code ./kiosk demo} embeds: a portal with a throw-away database that publishes {@code catalogue};
     * {@link #bootstrap()} has the kiosk credential and the signing key. Port 0 picks a free port.
     */
    public static PortalServer start(Catalogue catalogue, String host, int port) {
        try {
            return startThrowAway(catalogue, host, port, Files.createTempDirectory("bianmin-portal-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo portal's directory", e);
        }
    }

    /**
     * As {@link #start(Catalogue, String, int)}, with the throw-away database in {@code dir} (owner-only): what an
     * earlier run left there (one killed before it could clean up) is deleted first, and the directory is deleted
     * on {@link #close()}. The database holds submissions in clear, so {@code dir} belongs in a private place (the
     * demo kiosk's data directory), not a shared temp directory.
     */
    public static PortalServer startThrowAway(Catalogue catalogue, String host, int port, Path dir) {
        try {
            if (Files.exists(dir)) {
                deleteTree(dir);
            }
            OwnerOnly.directory(dir);
            return start(PortalOptions.of(dir, host, port, catalogue), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo portal's directory " + dir, e);
        }
    }

    private static PortalServer start(PortalOptions options, Path ephemeralDir) {
        PortalServer server = new PortalServer(options, ephemeralDir);
        try {
            // Of several nodes starting on one empty database, the one whose first operator is stored bootstraps.
            Optional<String> operatorToken = server.store.createFirstOperator("operator");
            if (operatorToken.isPresent()) {
                server.bootstrap = server.firstStart(options, operatorToken.get());
            }
            // Before reading the current version: a publish elsewhere in between is then heard, not missed.
            server.store.onPublished(server::catchUp);
            server.catchUp();
            server.app.start(options.host(), options.port());
            if (server.bootstrap != null) {
                server.saveCredentials(options);
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        server.streams.startKeepAlive(options.keepAliveInterval());
        if (options.metricsPort() >= 0) {
            server.metrics.listen(options.metricsHost(), options.metricsPort());
            LOG.info("metrics on http://{}:{}/metrics", options.metricsHost(), server.metrics.port());
        }
        LOG.info("reference portal listening on http://{}:{}/ (catalogue version {})", options.host(), server.port(),
                server.current == null ? "none" : server.current.published().version());
        return server;
    }

    public int port() {
        return app.port();
    }

    /** The credentials created on this portal's first start; empty when the database already existed. */
    public Optional<Bootstrap> bootstrap() {
        return Optional.ofNullable(bootstrap);
    }

    public String catalogueEtag() {
        return current == null ? null : current.published().etag();
    }

    public long catalogueVersion() {
        return current == null ? 0 : current.published().version();
    }

    /**
     * Registers (or re-keys) a kiosk and returns its bearer token. Kiosk ids are unique ignoring case: receipt
     * numbers name their kiosk in upper case and belong to it ignoring case ({@link #ownReceipt}), so with both
     * {@code kiosk-a} and {@code KIOSK-A} registered either could take the other's numbers. A second id that
     * differs from a registered one only in case is refused ({@code 409 conflict}); re-keying a registered id
     * always works (also for such pairs that a database from before this rule holds).
     */
    public String registerKiosk(String kioskId) {
        List<String> ids = store.kiosks().stream().map(org.bianmin.protocol.api.KioskSummary::kioskId).toList();
        Optional<String> clash = ids.contains(kioskId) ? Optional.empty()
                : ids.stream().filter(id -> id.equalsIgnoreCase(kioskId)).findFirst();
        if (clash.isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "kiosk " + clash.get()
                    + " is registered already; kiosk ids differ in more than case");
        }
        return store.registerKiosk(kioskId);
    }

    public boolean revokeKiosk(String kioskId) {
        return store.revokeKiosk(kioskId);
    }

    public String createOperator(String name) {
        return store.createOperator(name);
    }

    /** Issues a one-time test e-ID code for {@code identity} (what the demo's "scan e-ID" button shows). */
    public EidTestToken issueTestEid(EidIdentity identity) {
        if (!identity.problems().isEmpty()) {
            throw new IllegalArgumentException("test e-ID identity: " + identity.problems());
        }
        return store.issueEid(identity, EID_TEST_TOKEN_VALIDITY);
    }

    public void trustKey(KeyFile key) {
        store.trustKey(key);
    }

    /** Direct access for tests and benchmarks that count what was stored. */
    public PortalStore store() {
        return store;
    }

    /** Where {@code /metrics} is served; -1 when it is not. */
    public int metricsPort() {
        return metrics.port();
    }

    public int connectedStreams() {
        return streams.size();
    }

    @Override
    public void close() {
        streams.close();
        metrics.close();
        app.stop();
        store.close();
        if (ephemeralDir != null) {
            deleteTree(ephemeralDir);
        }
    }

    // --- set-up ------------------------------------------------------------------------------------------------

    private Bootstrap firstStart(PortalOptions options, String operatorToken) {
        try {
            Path keys = OwnerOnly.directory(options.dataDir().resolve("keys"));
            KeyFile key = Ed25519Keys.toFile(Ed25519Keys.generate());
            Path keyFile = OwnerOnly.file(keys.resolve("operator.key.json"));
            Ed25519Keys.write(key, keyFile);
            Ed25519Keys.write(key.publicOnly(), OwnerOnly.file(keys.resolve("operator.pub.json")));
            store.trustKey(key);
            String kioskId = "kiosk-demo-01";
            Bootstrap created = new Bootstrap(kioskId, store.registerKiosk(kioskId), operatorToken, key, keyFile);
            if (options.initialCatalogue() != null) {
                byte[] body = json.writeValueAsBytes(options.initialCatalogue());
                CatalogueSignatureFile sig = new CatalogueSigner(key).sign(body, options.initialCatalogue().version());
                store.publish(options.initialCatalogue().version(), body, json.writeValueAsBytes(sig));
            }
            return created;
        } catch (IOException | SigningException e) {
            throw new IllegalStateException("cannot set up the portal's first start in " + options.dataDir(), e);
        }
    }

    /** The demo credentials, for whoever runs the portal again later (tokens are stored only as hashes). */
    private void saveCredentials(PortalOptions options) {
        Path file = options.dataDir().resolve("demo-credentials.txt");
        try {
            Files.writeString(OwnerOnly.file(file), bootstrap.describe("http://" + options.host() + ":" + port() + "/"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Reads the current catalogue from the database and, if it is newer than what this node serves, serves it and
     * announces it on this node's event streams (a publish on another node, or one this node missed).
     */
    private void catchUp() {
        store.currentCatalogue().ifPresent(published -> {
            Current known = current;
            if (known == null || published.version() > known.published().version()) {
                adopt(index(published));
            }
        });
    }

    /**
     * Serves {@code next} unless a version at least as new is served already; announces it if so. Returns how many
     * streams know this version (also when the publication listener adopted it first).
     */
    private synchronized int adopt(Current next) {
        if (current != null && current.published().version() >= next.published().version()) {
            return current.published().version() == next.published().version() ? streams.size() : 0;
        }
        current = next;
        return streams.announce(next.published());
    }

    private Current index(PublishedCatalogue published) {
        try {
            Catalogue catalogue = reader.parse(published.body(), "stored version " + published.version());
            return new Current(published, catalogue.itemsByCode());
        } catch (CatalogueException e) {
            throw new IllegalStateException("the stored catalogue no longer parses", e);
        }
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        // The protocol's mapper for answers too: RFC 3339 times with their offset, as the OpenAPI document says.
        config.jsonMapper(new io.javalin.json.JavalinJackson(json, false));
        config.http.maxRequestSize = BodyLimit.PUBLISH.bytes();
        config.http.generateEtags = false;
        config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.GZIP;
        config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler(json)));
        config.requestLogger.http((ctx, ms) -> LOG.info("{} {} {} kiosk={} {}ms", ctx.method(), ctx.path(),
                ctx.statusCode(), Optional.ofNullable(ctx.attribute(KIOSK)).orElse("-"), Math.round(ms)));
        var routes = config.routes;
        routes.exception(ProblemException.class, (e, ctx) -> problem(ctx, e.problem()));
        routes.exception(PortalStoreException.class, (e, ctx) -> {
            LOG.error("portal database failure on {} {}", ctx.method(), ctx.path(), e);
            metrics.storeFailures.increment();
            problem(ctx, Problem.of(ProblemType.UNAVAILABLE, "storage temporarily unavailable")
                    .withRetryAfter(STORE_RETRY_AFTER_SECONDS));
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, new Problem(
                typeFor(e.getStatus()).uri(), e.getMessage(), e.getStatus(), null, null, null, null)));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, Problem.of(ProblemType.INTERNAL, "unexpected error"));
        });
        routes.error(404, ctx -> {
            if (!ApiPaths.PROBLEM_JSON.equals(ctx.res().getContentType())) {
                problem(ctx, Problem.of(ProblemType.NOT_FOUND, "no such resource"));
            }
        });

        routes.before(SecurityHeaders::baseline);
        routes.get("/api/v1/health", ctx -> ctx.json(Map.of("status", "ok")));
        routes.get(ApiPaths.CATALOGUE, ctx -> serveFile(ctx, false));
        routes.get(ApiPaths.CATALOGUE_SIGNATURE, ctx -> serveFile(ctx, true));
        routes.before(ApiPaths.EVENTS, ctx -> ctx.attribute(KIOSK, kiosk(ctx)));
        routes.sse(ApiPaths.EVENTS, this::openStream);
        routes.post(ApiPaths.SUBMISSIONS, this::submit);
        routes.post(ApiPaths.SUBMISSIONS_BY_HOLDER, this::byHolder);
        routes.get(ApiPaths.HOLDER_KEY, ctx -> {
            kiosk(ctx);
            ctx.header("Cache-Control", "no-store").json(store.holderKey());
        });
        routes.get(ApiPaths.SUBMISSIONS + "/{receipt}", this::status);
        routes.post(ApiPaths.RATINGS, this::rate);
        routes.post(ApiPaths.HEARTBEATS, this::heartbeat);
        routes.post(ApiPaths.EID_VERIFICATIONS, this::verifyEid);
        routes.post(ApiPaths.OPERATOR_EID_TEST_TOKENS, ctx -> {
            change(ctx);
            EidIdentity identity = body(ctx, EidIdentity.class, BodyLimit.FORM);
            if (!identity.problems().isEmpty()) {
                throw new ProblemException(Problem.of(ProblemType.VALIDATION, "identity rejected")
                        .withErrors(identity.problems()));
            }
            ctx.status(201).json(store.issueEid(identity, EID_TEST_TOKEN_VALIDITY));
        });
        routes.put(ApiPaths.OPERATOR_CATALOGUE, this::publish);
        routes.get(ApiPaths.OPERATOR_KIOSKS, ctx -> {
            auth.authenticate(ctx);
            ctx.json(store.kiosks());
        });
        routes.post(ApiPaths.OPERATOR_KIOSKS, ctx -> {
            change(ctx);
            String kioskId = body(ctx, KioskCredential.class, BodyLimit.SMALL).kioskId();
            if (!KioskCredential.validKioskId(kioskId)) {
                throw new ProblemException(Problem.of(ProblemType.VALIDATION, "registration rejected")
                        .withErrors(List.of("kioskId: 3-40 characters A-Z, a-z, 0-9 or '-'")));
            }
            ctx.status(201).json(new KioskCredential(kioskId, registerKiosk(kioskId)));
        });
        routes.post(ApiPaths.OPERATOR_KIOSKS + "/{kioskId}/revoke", ctx -> {
            change(ctx);
            BodyLimit.SMALL.read(ctx);
            if (!store.revokeKiosk(ctx.pathParam("kioskId"))) {
                throw new ProblemException(ProblemType.NOT_FOUND, "no such kiosk");
            }
            ctx.status(204);
        });
        routes.post(ApiPaths.OPERATOR_SUBMISSIONS + "/{receipt}", ctx -> {
            change(ctx);
            AdvanceRequest request = body(ctx, AdvanceRequest.class, BodyLimit.FORM);
            if (request.state() == null) {
                throw new ProblemException(Problem.of(ProblemType.VALIDATION, "advance rejected")
                        .withErrors(List.of("state: required")));
            }
            ctx.json(advance(ctx.pathParam("receipt"), request.state(), request.note()));
        });
        routes.get("/operator", ctx -> {
            String csrf = auth.authenticate(ctx).csrfToken();
            SecurityHeaders.html(ctx, operatorPage.render(store.fleet(new Fleet.Filter.All(), "",
                    operatorPage.offlineBefore(), 0, OperatorPage.PAGE_SIZE), store.recentSubmissions(200),
                    current == null ? 0 : current.published().version(), csrf));
        });
        routes.get(OperatorPage.FLEET, this::fleet);
        routes.get(OperatorPage.STYLESHEET, ctx -> SecurityHeaders.css(ctx, OperatorPage.stylesheet()));
        routes.post("/operator/submissions/{receipt}", ctx -> {
            OperatorAuth.Operator operator = auth.authorizeSender(ctx);
            Map<String, String> form = OperatorPage.form(BodyLimit.FORM.read(ctx));
            auth.checkCsrfToken(ctx, operator, Optional.ofNullable(form.get(OperatorAuth.CSRF_FIELD)));
            SubmissionState to = parseState(form.get("state"));
            advance(ctx.pathParam("receipt"), to, form.get("note"));
            ctx.redirect("/operator", io.javalin.http.HttpStatus.SEE_OTHER);
        });
    }

    /** The fleet view: {@code show} (a filter), {@code q} (a kiosk id prefix), {@code page} (from 1). */
    private void fleet(Context ctx) {
        auth.authenticate(ctx);
        String show = Optional.ofNullable(ctx.queryParam("show")).orElse("all");
        Fleet.Filter filter = OperatorPage.filter(show);
        String prefix = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        if (!Fleet.validPrefix(prefix)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "q: up to 40 letters, digits or '-'");
        }
        int page;
        try {
            page = Integer.parseInt(Optional.ofNullable(ctx.queryParam("page")).orElse("1"));
        } catch (NumberFormatException e) {
            page = 0;
        }
        if (page < 1 || page > 1_000_000) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "page: a number from 1");
        }
        Fleet fleet = store.fleet(filter, prefix, operatorPage.offlineBefore(),
                (page - 1) * OperatorPage.PAGE_SIZE, OperatorPage.PAGE_SIZE);
        SecurityHeaders.html(ctx, operatorPage.renderFleet(fleet, show, prefix, page));
    }

    // --- catalogue ---------------------------------------------------------------------------------------------

    private void serveFile(Context ctx, boolean signature) {
        Current now = current;
        if (now == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no catalogue published yet");
        }
        String etag = signature ? now.published().signatureEtag() : now.published().etag();
        ctx.header("ETag", etag).header("Cache-Control", "no-cache");
        if (etagMatches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/json; charset=utf-8")
                .result(signature ? now.published().signature() : now.published().body());
    }

    private static boolean etagMatches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && Stream.of(ifNoneMatch.split(","))
                .map(String::strip).anyMatch(t -> t.equals(etag) || t.equals("*") || t.equals("W/" + etag));
    }

    private void publish(Context ctx) throws JsonProcessingException {
        String operatorName = change(ctx).name();
        PublishRequest request = body(ctx, PublishRequest.class, BodyLimit.PUBLISH);
        if (request.catalogueBase64() == null || request.signature() == null) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, "publish rejected")
                    .withErrors(List.of("catalogueBase64 and signature: required")));
        }
        byte[] body;
        try {
            body = Base64.getDecoder().decode(request.catalogueBase64());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "catalogueBase64 is not base64");
        }
        TrustedKeys trusted;
        try {
            trusted = TrustedKeys.of(store.trustedKeys());
        } catch (SigningException e) {
            throw new IllegalStateException("a trusted key in the portal database is unusable", e);
        }
        Verification verification = trusted.verify(body, request.signature());
        if (!(verification instanceof Verification.Valid)) {
            throw new ProblemException(ProblemType.SIGNATURE_INVALID, switch (verification) {
                case Verification.UnknownKey k -> "key " + k.keyId() + " is not trusted by this portal";
                case Verification.BadSignature b -> "signature by key " + b.keyId() + " does not match the catalogue";
                case Verification.Malformed m -> m.reason();
                case Verification.Valid v -> throw new AssertionError(v);
            });
        }
        Catalogue catalogue;
        try {
            catalogue = reader.parse(body, "published catalogue");
        } catch (CatalogueException e) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, "catalogue rejected")
                    .withErrors(e.problems()));
        }
        if (request.signature().version() != catalogue.version()) {
            throw new ProblemException(ProblemType.VALIDATION, "signature file names version "
                    + request.signature().version() + " but the catalogue is version " + catalogue.version());
        }
        byte[] sig = json.writeValueAsBytes(request.signature());
        if (!store.publish(catalogue.version(), body, sig)) {
            throw new ProblemException(ProblemType.CATALOGUE_NOT_NEWER, "version " + catalogue.version()
                    + " is not newer than the current version " + catalogueVersion());
        }
        PublishedCatalogue published = store.currentCatalogue().orElseThrow();
        int notified = adopt(new Current(published, catalogue.itemsByCode()));
        LOG.info("operator {} published catalogue version {} ({} items, key {}); announced to {} kiosks",
                operatorName, catalogue.version(), catalogue.items().size(), request.signature().keyId(), notified);
        ctx.json(new PublishResult(catalogue.version(), published.etag(), notified));
    }

    // --- event stream ------------------------------------------------------------------------------------------

    private void openStream(SseClient client) {
        streams.open(client, Optional.ofNullable(current).map(Current::published));
    }

    // --- submissions, ratings, heartbeats ----------------------------------------------------------------------

    private void submit(Context ctx) {
        String kioskId = kiosk(ctx);
        String key = idempotencyKey(ctx);
        SubmissionRequest request = body(ctx, SubmissionRequest.class, BodyLimit.SUBMISSION);
        List<String> problems = new java.util.ArrayList<>(request.problems());
        ServiceItem item = request.itemCode() == null || current == null ? null : current.items().get(request.itemCode());
        if (request.itemCode() != null && item == null) {
            problems.add("itemCode: unknown item " + request.itemCode());
        } else if (item != null && !item.kioskHandleable()) {
            problems.add("itemCode: item " + item.code() + " cannot be applied for at a kiosk");
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, "submission rejected").withErrors(problems));
        }
        ownKiosk(kioskId, request.kioskId());
        ownReceipt(kioskId, request.receiptNumber());
        boolean immediate = item.handlingType() == ServiceItem.HandlingType.IMMEDIATE;
        Answer answer = store.submit(kioskId, key, request, immediate);
        switch (answer) {
            case Answer.Stored s -> metrics.submissionsStored.increment();
            case Answer.Replayed r -> metrics.submissionsReplayed.increment();
            default -> { }
        }
        answer(ctx, answer);
    }

    private void rate(Context ctx) {
        String kioskId = kiosk(ctx);
        String key = idempotencyKey(ctx);
        RatingRequest request = body(ctx, RatingRequest.class, BodyLimit.FORM);
        if (!request.problems().isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, "rating rejected")
                    .withErrors(request.problems()));
        }
        ownKiosk(kioskId, request.kioskId());
        // A kiosk rates the application just filed on it; another kiosk's number would pin a 差评 on that hall.
        if (request.receiptNumber() != null) {
            ownReceipt(kioskId, request.receiptNumber());
        }
        answer(ctx, store.rate(kioskId, key, request));
    }

    private void answer(Context ctx, Answer answer) {
        switch (answer) {
            case Answer.Stored s -> ctx.status(s.status()).contentType("application/json").result(s.body());
            case Answer.Replayed r -> ctx.status(r.status()).contentType("application/json").header("Idempotent-Replayed",
                    "true").result(r.body());
            case Answer.KeyReused k -> throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for a request with different content");
            case Answer.ReceiptTaken t -> throw new ProblemException(ProblemType.CONFLICT,
                    "receipt number " + t.receiptNumber() + " already belongs to another submission");
        }
    }

    private void status(Context ctx) {
        kiosk(ctx);
        String receipt = ctx.pathParam("receipt");
        if (!SubmissionRequest.validReceiptNumber(receipt)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "not a receipt number");
        }
        // As stored, else as the citizen meant it (an old roll's check character O or I read as 0 or 1).
        ctx.json(store.status(receipt)
                .or(() -> ReceiptNumbers.readBack(receipt).filter(r -> !r.equals(receipt)).flatMap(store::status))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                        "no submission with this receipt number")));
    }

    /** The applications filed under the holder key of the card on a kiosk's reader (statuses only, no fields). */
    private void byHolder(Context ctx) {
        String kioskId = kiosk(ctx);
        HolderLookupRequest request = body(ctx, HolderLookupRequest.class, BodyLimit.SMALL);
        if (!HolderKey.validHash(request.holderKey())) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, "lookup rejected")
                    .withErrors(List.of("holderKey: 64 lower-case hex digits")));
        }
        ownKiosk(kioskId, request.kioskId());
        ctx.json(store.submissionsByHolder(request.holderKey(), HOLDER_LOOKUP_LIMIT));
    }

    private void heartbeat(Context ctx) {
        String kioskId = kiosk(ctx);
        Heartbeat heartbeat = body(ctx, Heartbeat.class, BodyLimit.HEARTBEAT);
        if (!heartbeat.problems().isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, "heartbeat rejected")
                    .withErrors(heartbeat.problems()));
        }
        ownKiosk(kioskId, heartbeat.kioskId());
        store.heartbeat(heartbeat);
        metrics.heartbeats.increment();
        ctx.json(new HeartbeatAck(java.time.OffsetDateTime.now(clock), catalogueVersion()));
    }

    /** Whose e-ID code a kiosk scanned; each code is good for one verification. */
    private void verifyEid(Context ctx) {
        String kioskId = kiosk(ctx);
        EidVerificationRequest request = body(ctx, EidVerificationRequest.class, BodyLimit.SMALL);
        if (!request.problems().isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, "verification rejected")
                    .withErrors(request.problems()));
        }
        ownKiosk(kioskId, request.kioskId());
        switch (store.verifyEid(request.token(), kioskId)) {
            case PortalStore.EidOutcome.Verified v -> ctx.json(v.identity());
            case PortalStore.EidOutcome.Unknown u -> throw new ProblemException(ProblemType.EID_INVALID,
                    "not an e-ID code this platform issued");
            case PortalStore.EidOutcome.Expired e -> throw new ProblemException(ProblemType.EID_EXPIRED,
                    "the code has expired; the citizen refreshes it in the app");
            case PortalStore.EidOutcome.Used used -> throw new ProblemException(ProblemType.EID_USED,
                    "the code was used already; the citizen refreshes it in the app");
        }
    }

    private Object advance(String receipt, SubmissionState to, String note) {
        return switch (store.advance(receipt, to, note)) {
            case PortalStore.Advance.Moved m -> m.status();
            case PortalStore.Advance.NotFound n -> throw new ProblemException(ProblemType.NOT_FOUND,
                    "no submission with this receipt number");
            case PortalStore.Advance.NotAllowed na -> throw new ProblemException(ProblemType.CONFLICT,
                    "cannot move from " + na.from() + " to " + na.to());
        };
    }

    // --- authentication and input ------------------------------------------------------------------------------

    /** The kiosk behind the bearer token, remembered for the request log. */
    private String kiosk(Context ctx) {
        String kioskId = auth.kiosk(ctx);
        ctx.attribute(KIOSK, kioskId);
        return kioskId;
    }

    /** An operator's state-changing JSON request: a bearer client, or the operator page with its CSRF header. */
    private OperatorAuth.Operator change(Context ctx) {
        return auth.authorizeChange(ctx, Optional.empty());
    }

    private static void ownKiosk(String tokenKiosk, String claimed) {
        if (!tokenKiosk.equals(claimed)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "kioskId does not match the credential");
        }
    }

    /**
     * Receipt numbers are unique portal-wide and belong to the kiosk they name ({@link ReceiptNumbers#kioskPart}).
     * When that part is a kiosk id it must be the caller's (ignoring case: receipt numbers are upper case);
     * otherwise one kiosk's credential could take another kiosk's future numbers — registered yet or not — and that
     * kiosk's applications would fail 409 for good. A number without such a part cannot equal any kiosk's number,
     * so it is accepted (older test data).
     */
    private static void ownReceipt(String tokenKiosk, String receiptNumber) {
        ReceiptNumbers.kioskPart(receiptNumber)
                .filter(named -> KioskCredential.validKioskId(named) && !named.equalsIgnoreCase(tokenKiosk))
                .ifPresent(named -> {
                    throw new ProblemException(ProblemType.FORBIDDEN, "receipt number " + receiptNumber
                            + " names kiosk " + named + ", not this credential's");
                });
    }

    private static String idempotencyKey(Context ctx) {
        String key = ctx.header(ApiPaths.IDEMPOTENCY_KEY);
        if (key == null || key.isEmpty()) {
            throw new ProblemException(ProblemType.MISSING_IDEMPOTENCY_KEY, "send the outbox entry's key");
        }
        if (key.length() > 100 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Idempotency-Key: 1-100 printable ASCII characters");
        }
        return key;
    }

    private <T> T body(Context ctx, Class<T> type, BodyLimit limit) {
        byte[] bytes = limit.read(ctx);
        try {
            T value = json.readValue(bytes, type);
            if (value == null) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "empty body");
            }
            return value;
        } catch (IOException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "body is not a valid " + type.getSimpleName()
                    + ": " + where(e));
        }
    }

    /**
     * Where a body failed to parse, by field path or line and column — never Jackson's message, which quotes the
     * offending value (an ID number in the wrong field would travel back into the kiosk's log and alerts).
     */
    private static String where(IOException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            return "field '" + m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(java.util.stream.Collectors.joining(".")) + "' is malformed";
        }
        if (e instanceof com.fasterxml.jackson.core.JacksonException j && j.getLocation() != null) {
            return "not valid JSON at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
        }
        return "unreadable";
    }

    /** Javalin's own refusals (no route, body too large…) mapped onto our problem types. */
    static ProblemType typeFor(int status) {
        return switch (status) {
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404, 405 -> ProblemType.NOT_FOUND;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 429 -> ProblemType.RATE_LIMITED;
            case 503 -> ProblemType.UNAVAILABLE;
            default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.BAD_REQUEST;
        };
    }

    private static SubmissionState parseState(String value) {
        try {
            return SubmissionState.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "state: one of " + List.of(SubmissionState.values()));
        }
    }

    private void problem(Context ctx, Problem problem) {
        Problem located = problem.instance() == null ? problem.at(ctx.path()) : problem;
        if (located.retryAfterSeconds() != null) {
            ctx.header("Retry-After", String.valueOf(located.retryAfterSeconds()));
        }
        try {
            ctx.status(located.status()).contentType(ApiPaths.PROBLEM_JSON)
                    .result(json.writeValueAsString(located).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem not serialisable", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("could not remove the demo portal's directory {}", dir, e);
        }
    }
}
