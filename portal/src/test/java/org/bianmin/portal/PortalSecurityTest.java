package org.bianmin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bianmin.protocol.api.ReceiptNumbers;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.Heartbeat;
import org.bianmin.protocol.api.PublishRequest;
import org.bianmin.protocol.api.RatingReason;
import org.bianmin.protocol.api.RatingRequest;
import org.bianmin.protocol.api.SubmissionRequest;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.signing.CatalogueSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a page on another site can make an operator's browser do (nothing), what the operator page itself can do
 * (everything it offers), and the portal's other browser and input defences — over real HTTP on loopback.
 */
class PortalSecurityTest {

    private static final String EVIL = "https://evil.example";
    private static final String ITEM = PortalServerTest.PROMISED_ITEM;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = CatalogueReader.mapper();
    private final Catalogue sample = new CatalogueReader().readSample();
    private PortalServer portal;
    private Bootstrap creds;

    @BeforeEach
    void start() throws Exception {
        portal = PortalServer.start(sample, "127.0.0.1", 0);
        creds = portal.bootstrap().orElseThrow();
        for (String receipt : List.of("RCPT-000001", "RCPT-000002", "RCPT-000003")) {
            assertThat(send(kiosk(ApiPaths.SUBMISSIONS, creds.kioskToken()).header(ApiPaths.IDEMPOTENCY_KEY, receipt)
                    .POST(jsonBody(submission(receipt, creds.kioskId())))).statusCode()).isEqualTo(201);
        }
        portal.registerKiosk("kiosk-a");
        portal.registerKiosk("kiosk-b");
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    /**
     * Every state-changing operator route, with the request a browser (or a script) would send. {@code subject}
     * 1 is what the operator's own page changes, 2 what an older browser changes, 3 what a bearer API client
     * changes; attacks aim at 1.
     */
    enum Route {
        REVOKE_KIOSK(204) {
            @Override
            HttpRequest.Builder request(PortalSecurityTest t, int subject, String type, byte[] body) {
                return t.request(ApiPaths.OPERATOR_KIOSKS + "/kiosk-" + (subject == 1 ? "a" : "b") + "/revoke", type,
                        "POST", body);
            }

            @Override
            byte[] body(PortalSecurityTest t, int subject) {
                return new byte[0];
            }

            @Override
            boolean changed(PortalSecurityTest t) {
                return t.portal.store().kiosks().stream().anyMatch(k -> k.kioskId().equals("kiosk-a") && k.revoked());
            }
        },
        REISSUE_KIOSK_TOKEN(201) {
            @Override
            HttpRequest.Builder request(PortalSecurityTest t, int subject, String type, byte[] body) {
                return t.request(ApiPaths.OPERATOR_KIOSKS, type, "POST", body);
            }

            @Override
            byte[] body(PortalSecurityTest t, int subject) throws Exception {
                return t.json.writeValueAsBytes(Map.of("kioskId", subject == 1 ? t.creds.kioskId() : "kiosk-b"));
            }

            @Override
            boolean changed(PortalSecurityTest t) {
                return t.portal.store().kioskForToken(t.creds.kioskToken()).isEmpty();
            }
        },
        REJECT_APPLICATION(200) {
            @Override
            HttpRequest.Builder request(PortalSecurityTest t, int subject, String type, byte[] body) {
                return t.request(ApiPaths.OPERATOR_SUBMISSIONS + "/RCPT-00000" + subject, type, "POST", body);
            }

            @Override
            byte[] body(PortalSecurityTest t, int subject) throws Exception {
                return t.json.writeValueAsBytes(Map.of("state", "REJECTED", "note", "forged"));
            }

            @Override
            boolean changed(PortalSecurityTest t) {
                return !t.portal.store().status("RCPT-000001").orElseThrow().state().name().equals("RECEIVED");
            }
        },
        OPERATOR_PAGE_FORM(303) {
            @Override
            HttpRequest.Builder request(PortalSecurityTest t, int subject, String type, byte[] body) {
                return t.request("/operator/submissions/RCPT-00000" + subject, type, "POST", body);
            }

            @Override
            byte[] body(PortalSecurityTest t, int subject) {
                return "state=REJECTED&note=forged".getBytes(StandardCharsets.UTF_8);
            }

            @Override
            boolean changed(PortalSecurityTest t) {
                return REJECT_APPLICATION.changed(t);
            }

            @Override
            boolean takesBearer() {
                return false;
            }
        },
        ISSUE_TEST_EID(201) {
            @Override
            HttpRequest.Builder request(PortalSecurityTest t, int subject, String type, byte[] body) {
                return t.request(ApiPaths.OPERATOR_EID_TEST_TOKENS, type, "POST", body);
            }

            @Override
            byte[] body(PortalSecurityTest t, int subject) throws Exception {
                return t.json.writeValueAsBytes(PortalServerTest.eidHolder());
            }

            @Override
            boolean changed(PortalSecurityTest t) {
                return t.portal.store().count("eid_token") > 0;
            }
        },
        PUBLISH_CATALOGUE(200) {
            @Override
            HttpRequest.Builder request(PortalSecurityTest t, int subject, String type, byte[] body) {
                return t.request(ApiPaths.OPERATOR_CATALOGUE, type, "PUT", body);
            }

            @Override
            byte[] body(PortalSecurityTest t, int subject) throws Exception {
                Catalogue next = new Catalogue(t.sample.format(), 1 + subject, t.sample.publishedAt(),
                        t.sample.region(), t.sample.hall(), t.sample.departments(), t.sample.topics(),
                        t.sample.items());
                byte[] body = t.json.writeValueAsBytes(next);
                return t.json.writeValueAsBytes(new PublishRequest(Base64.getEncoder().encodeToString(body),
                        new CatalogueSigner(t.creds.signingKey()).sign(body, next.version())));
            }

            @Override
            boolean changed(PortalSecurityTest t) {
                return t.portal.catalogueVersion() != 1;
            }
        };

        final int success;

        Route(int success) {
            this.success = success;
        }

        abstract HttpRequest.Builder request(PortalSecurityTest t, int subject, String type, byte[] body);

        abstract byte[] body(PortalSecurityTest t, int subject) throws Exception;

        abstract boolean changed(PortalSecurityTest t);

        boolean takesBearer() {
            return true;
        }
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void aBrowserChangesStateOnlyFromTheOperatorPageWithItsTokenWhileBearerClientsAreUnaffected(Route route)
            throws Exception {
        String csrf = csrfFromOperatorPage();
        byte[] body = route.body(this, 1);

        // A page on evil.example posts a plain form or text/plain body; the browser adds the cached Basic login.
        for (String type : List.of("application/x-www-form-urlencoded", "text/plain")) {
            assertRefused(route.request(this, 1, type, body).header("Authorization", basic())
                    .header("Origin", EVIL).header("Sec-Fetch-Site", "cross-site"));
            assertRefused(route.request(this, 1, type, body).header("Authorization", basic()).header("Origin", EVIL));
        }
        // Even a stolen token does not help a cross-site or same-site page.
        assertRefused(route.request(this, 1, "text/plain", body).header("Authorization", basic())
                .header("Origin", EVIL).header(OperatorAuth.CSRF_HEADER, csrf));
        assertRefused(route.request(this, 1, "text/plain", body).header("Authorization", basic())
                .header("Sec-Fetch-Site", "same-site").header(OperatorAuth.CSRF_HEADER, csrf));
        // Origin-less browser-ish requests: Basic without the token, and Basic with it but no origin at all.
        assertRefused(route.request(this, 1, "application/json", body).header("Authorization", basic()));
        assertRefused(route.request(this, 1, "application/json", body).header("Authorization", basic())
                .header(OperatorAuth.CSRF_HEADER, csrf));
        assertRefused(route.request(this, 1, "application/json", body).header("Authorization", basic())
                .header("Origin", "null").header(OperatorAuth.CSRF_HEADER, csrf));
        // The operator's own page: same-origin, without the token or with a wrong one.
        assertRefused(ownPage(route.request(this, 1, "application/json", body)));
        assertRefused(ownPage(route.request(this, 1, "application/json", body))
                .header(OperatorAuth.CSRF_HEADER, csrf.substring(1) + "x"));
        assertThat(route.changed(this)).as("nothing changed").isFalse();

        // The operator's own page with its token (what its forms carry; Origin is "null" under no-referrer).
        byte[] legitimate = route == Route.OPERATOR_PAGE_FORM
                ? ("csrf=" + csrf + "&state=REJECTED&note=ok").getBytes(StandardCharsets.UTF_8) : body;
        HttpRequest.Builder own = ownPage(route.request(this, 1, route == Route.OPERATOR_PAGE_FORM
                ? "application/x-www-form-urlencoded" : "application/json", legitimate));
        if (route != Route.OPERATOR_PAGE_FORM) {
            own.header(OperatorAuth.CSRF_HEADER, csrf);
        }
        assertThat(send(own).statusCode()).isEqualTo(route.success);
        // An older browser without fetch metadata, from the page's own origin.
        HttpRequest.Builder oldBrowser = route.request(this, 2, "application/json", route.body(this, 2))
                .header("Authorization", basic()).header("Origin", "http://127.0.0.1:" + portal.port())
                .header(OperatorAuth.CSRF_HEADER, csrf);
        if (route != Route.OPERATOR_PAGE_FORM) {
            assertThat(send(oldBrowser).statusCode()).isEqualTo(route.success);
        }

        if (route.takesBearer()) {
            // API clients: a bearer token, no Origin, no CSRF token — and even a foreign Origin changes nothing.
            assertThat(send(route.request(this, 3, "application/json", route.body(this, 3))
                    .header("Authorization", "Bearer " + creds.operatorToken()).header("Origin", EVIL))
                    .statusCode()).isEqualTo(route.success);
        }
    }

    @Test
    void kioskApiRoutesIgnoreOriginAndNeedNoCsrfToken() throws Exception {
        Heartbeat beat = new Heartbeat(creds.kioskId(), "0.1.0", 1, OffsetDateTime.parse("2026-11-21T10:00:00+08:00"),
                List.of(), 0, 0, 0, null, List.of(), List.of());
        assertThat(send(kiosk(ApiPaths.HEARTBEATS, creds.kioskToken()).header("Origin", EVIL)
                .POST(jsonBody(beat))).statusCode()).isEqualTo(200);
        assertThat(send(kiosk(ApiPaths.SUBMISSIONS, creds.kioskToken()).header(ApiPaths.IDEMPOTENCY_KEY, "k9")
                .POST(jsonBody(submission("RCPT-000009", creds.kioskId())))).statusCode()).isEqualTo(201);
    }

    @Test
    void aKioskTokenOnAnOperatorRouteIsForbiddenNotUnauthorized() throws Exception {
        for (String path : List.of(ApiPaths.OPERATOR_KIOSKS, "/operator")) {
            HttpResponse<byte[]> r = send(kiosk(path, creds.kioskToken()).GET());
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(problemType(r)).isEqualTo("urn:bianmin:problem:forbidden");
        }
        assertThat(send(request("/operator", null, "GET", null).header("Authorization",
                "Basic " + b64("op:" + creds.kioskToken()))).statusCode()).isEqualTo(403);
        assertThat(send(kiosk(ApiPaths.OPERATOR_KIOSKS, "not-a-token").GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void theOperatorPageCarriesSecurityHeadersNoInlineStyleOrScriptAndItsTokenInEveryForm() throws Exception {
        HttpResponse<byte[]> page = send(request("/operator", null, "GET", null).header("Authorization", basic()));
        assertThat(page.statusCode()).isEqualTo(200);
        var h = page.headers();
        assertThat(h.firstValue("Content-Type").orElseThrow()).matches("text/html; ?charset=utf-8");
        String csp = h.firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'")
                .doesNotContain("unsafe-inline").doesNotContain("script-src");
        assertThat(h.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(h.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(h.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(h.firstValue("Cache-Control")).hasValue("no-store");
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<script", "<style", "style=").doesNotContainPattern("\\son[a-z]+=").contains(
                "<link rel=\"stylesheet\" href=\"" + OperatorPage.STYLESHEET + "\">");
        int forms = html.split("<form ", -1).length - 1;
        assertThat(forms).as("one form per open submission").isEqualTo(3);
        assertThat(html.split("name=\"csrf\" value=\"" + csrfFromOperatorPage() + "\"", -1).length - 1)
                .isEqualTo(forms);

        HttpResponse<byte[]> css = send(request(OperatorPage.STYLESHEET, null, "GET", null));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).matches("text/css; ?charset=utf-8");
        assertThat(new String(css.body(), StandardCharsets.UTF_8)).contains(".bad{");

        for (HttpResponse<byte[]> other : List.of(send(request("/operator", null, "GET", null)),
                send(kiosk(ApiPaths.HEARTBEATS, creds.kioskToken()).GET()))) {
            assertThat(other.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(other.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(other.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("frame-ancestors 'none'");
        }
        assertThat(send(request(ApiPaths.CATALOGUE, null, "GET", null)).headers().firstValue("Cache-Control"))
                .as("the catalogue stays revalidatable by ETag").hasValue("no-cache");
    }

    /**
     * The operator page's form route read and parsed its body before it knew who sent it: a stranger got 413 or
     * 400 (a malformed form) instead of 401, another site's page 400 instead of 403. Now the headers decide first.
     */
    @Test
    void theFormRouteRefusesStrangersAndOtherSitesBeforeReadingTheBody() throws Exception {
        String path = "/operator/submissions/RCPT-000001";
        String form = "application/x-www-form-urlencoded";
        byte[] malformed = "state=%zz".getBytes(StandardCharsets.UTF_8);
        byte[] tooLarge = new byte[BodyLimit.FORM.bytes() + 1];
        // Expect: 100-continue makes "before reading the body" observable: a server that wanted the body would
        // answer 100 and read it. Without it, a refusal sent while the client still writes 16 KB can be lost to
        // the connection's reset (the CI run that saw "header parser received no bytes").
        for (byte[] body : List.of(malformed, tooLarge)) {
            HttpResponse<byte[]> stranger = send(request(path, form, "POST", body).expectContinue(true));
            assertThat(stranger.statusCode()).isEqualTo(401);
            assertThat(problemType(stranger)).isEqualTo("urn:bianmin:problem:unauthorized");
            assertRefused(request(path, form, "POST", body).header("Authorization", basic())
                    .header("Origin", EVIL).header("Sec-Fetch-Site", "cross-site"));
        }
        assertThat(portal.store().status("RCPT-000001").orElseThrow().state().name()).isEqualTo("RECEIVED");
    }

    /** Requests Jetty refuses before any route: they were an HTML page of Jetty's without the security headers. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/operator/%2e%2e/%2e%2e/etc/passwd",
        "/operator/operator.css%00"})
    void requestsJettyRefusesBeforeAnyRouteGetAProblemWithTheSecurityHeaders(String path) throws Exception {
        HttpResponse<byte[]> r = send(request(path, null, "GET", null).header("Authorization", basic()));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(problemType(r)).isEqualTo("urn:bianmin:problem:bad-request");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aRequestWhoseHeadersJettyCannotAcceptGetsAProblemWithTheSecurityHeaders() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", portal.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /operator HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "x".repeat(64 * 1024)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 431").containsIgnoringCase("X-Frame-Options: DENY")
                    .containsIgnoringCase("X-Content-Type-Options: nosniff")
                    .containsIgnoringCase("Content-Type: " + ApiPaths.PROBLEM_JSON).doesNotContain("<html");
        }
    }

    @Test
    void eachRouteRefusesBodiesOverItsLimitWithoutStoringThem() throws Exception {
        Heartbeat beat = new Heartbeat(creds.kioskId(), "0.1.0", 1, OffsetDateTime.parse("2026-11-21T10:00:00+08:00"),
                List.of(), 0, 0, 0, null, List.of("x".repeat(BodyLimit.HEARTBEAT.bytes())), List.of());
        HttpResponse<byte[]> big = send(kiosk(ApiPaths.HEARTBEATS, creds.kioskToken()).POST(jsonBody(beat)));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(problemType(big)).isEqualTo("urn:bianmin:problem:payload-too-large");
        // Chunked (no Content-Length): refused once the limit is passed.
        byte[] bytes = json.writeValueAsBytes(beat);
        HttpResponse<byte[]> chunked = send(kiosk(ApiPaths.HEARTBEATS, creds.kioskToken()).POST(
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(portal.store().count("heartbeat")).isZero();

        byte[] form = ("state=REJECTED&note=" + "x".repeat(BodyLimit.FORM.bytes())).getBytes(StandardCharsets.UTF_8);
        assertThat(send(request(ApiPaths.OPERATOR_SUBMISSIONS + "/RCPT-000001", "application/json", "POST", form)
                .header("Authorization", "Bearer " + creds.operatorToken())).statusCode()).isEqualTo(413);
        assertThat(portal.store().status("RCPT-000001").orElseThrow().state().name()).isEqualTo("RECEIVED");

        beat = new Heartbeat(creds.kioskId(), "0.1.0", 1, beat.sentAt(), List.of(), 0, 0, 0, null,
                List.of("x".repeat(BodyLimit.HEARTBEAT.bytes() / 2)), List.of());
        assertThat(send(kiosk(ApiPaths.HEARTBEATS, creds.kioskToken()).POST(jsonBody(beat))).statusCode())
                .as("under the limit").isEqualTo(200);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "POST, /api/v1/submissions, kiosk, SUBMISSION",
        "POST, /api/v1/heartbeats, kiosk, HEARTBEAT",
        "POST, /api/v1/ratings, kiosk, FORM",
        "POST, /api/v1/submissions/by-holder, kiosk, SMALL",
        "POST, /api/v1/eid/verifications, kiosk, SMALL",
        "POST, /api/v1/operator/eid/test-tokens, operator, FORM",
        "POST, /api/v1/operator/kiosks, operator, SMALL",
        "POST, /api/v1/operator/kiosks/kiosk-a/revoke, operator, SMALL",
        "POST, /api/v1/operator/submissions/RCPT-000001, operator, FORM",
        "POST, /operator/submissions/RCPT-000001, operator, FORM"})
    void everyRouteWithABodyRefusesOneByteOverItsLimit(String method, String path, String who, BodyLimit limit)
            throws Exception {
        byte[] body = new byte[limit.bytes() + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        HttpRequest.Builder request = request(path, "application/json", method, body).expectContinue(true)
                .header("Authorization", "Bearer " + (who.equals("kiosk") ? creds.kioskToken() : creds.operatorToken()))
                .header(ApiPaths.IDEMPOTENCY_KEY, "big");
        HttpResponse<byte[]> r = send(request);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(problemType(r)).isEqualTo("urn:bianmin:problem:payload-too-large");
        assertThat(portal.store().kiosks()).noneMatch(k -> k.revoked());
    }

    @Test
    void aKioskCannotClaimReceiptNumbersThatNameAnotherKioskRegisteredYetOrNot() throws Exception {
        String other = portal.registerKiosk("GL-0002");
        String victimsNext = "GL-0002-20261121-0001B";
        for (String receipt : List.of(victimsNext, "GL-0009-20261121-0001X",
                ReceiptNumbers.issue("GL-0002-20261121-0002"), ReceiptNumbers.issue("GL-0009-20261121-0001"))) {
            HttpResponse<byte[]> claimed = send(kiosk(ApiPaths.SUBMISSIONS, creds.kioskToken())
                    .header(ApiPaths.IDEMPOTENCY_KEY, "steal-" + receipt)
                    .POST(jsonBody(submission(receipt, creds.kioskId()))));
            assertThat(claimed.statusCode()).as(receipt).isEqualTo(403);
            assertThat(problemType(claimed)).isEqualTo("urn:bianmin:problem:forbidden");
        }
        assertThat(send(kiosk(ApiPaths.SUBMISSIONS, other).header(ApiPaths.IDEMPOTENCY_KEY, "own")
                .POST(jsonBody(submission(victimsNext, "GL-0002")))).statusCode())
                .as("the kiosk the number names still files it").isEqualTo(201);
        assertThat(portal.store().status(victimsNext)).isPresent();
        assertThat(send(kiosk(ApiPaths.SUBMISSIONS, creds.kioskToken()).header(ApiPaths.IDEMPOTENCY_KEY, "case")
                .POST(jsonBody(submission("KIOSK-DEMO-01-20261121-0001X", creds.kioskId())))).statusCode())
                .as("kiosk ids compare without case: receipt numbers are upper case").isEqualTo(201);
        assertThat(send(kiosk(ApiPaths.SUBMISSIONS, creds.kioskToken()).header(ApiPaths.IDEMPOTENCY_KEY, "new-form")
                .POST(jsonBody(submission(ReceiptNumbers.issue(creds.kioskId().toUpperCase(Locale.ROOT) + "-20261121-0002"),
                        creds.kioskId())))).statusCode())
                .as("a number in the form issued now, naming the caller").isEqualTo(201);
        assertThat(send(kiosk(ApiPaths.SUBMISSIONS, creds.kioskToken()).header(ApiPaths.IDEMPOTENCY_KEY, "plain")
                .POST(jsonBody(submission("GL-20261121-0001", creds.kioskId())))).statusCode())
                .as("'GL' is no kiosk id, so the number is nobody's").isEqualTo(201);
    }

    /** A kiosk rates the application just filed on it: a rating naming another kiosk's receipt is refused. */
    @Test
    void aKioskCannotRateAnotherKiosksReceipt() throws Exception {
        String other = portal.registerKiosk("GL-0002");
        RatingRequest poor = new RatingRequest(creds.kioskId(), ITEM, "GL-0002-20261121-0001B", 1,
                List.of(RatingReason.ATTITUDE), null, OffsetDateTime.parse("2026-11-21T10:00:00+08:00"));
        HttpResponse<byte[]> forged = send(kiosk(ApiPaths.RATINGS, creds.kioskToken())
                .header(ApiPaths.IDEMPOTENCY_KEY, "r1").POST(jsonBody(poor)));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(problemType(forged)).isEqualTo("urn:bianmin:problem:forbidden");
        assertThat(portal.store().count("rating")).isZero();
        RatingRequest own = new RatingRequest("GL-0002", ITEM, "GL-0002-20261121-0001B", 1,
                List.of(RatingReason.ATTITUDE), null, poor.ratedAt());
        assertThat(send(kiosk(ApiPaths.RATINGS, other).header(ApiPaths.IDEMPOTENCY_KEY, "r2").POST(jsonBody(own)))
                .statusCode()).as("the kiosk the number names").isEqualTo(201);
    }

    /**
     * Receipt numbers belong to the kiosk they name ignoring case, so two kiosks whose ids differ only in case
     * could take each other's numbers ({@code kiosk-a} filed {@code KIOSK-A}'s next number: 201, and KIOSK-A's
     * application failed 409 for good). Such a second id is refused at registration; re-keying a kiosk still works.
     */
    @Test
    void aKioskIdThatDiffersFromARegisteredOneOnlyInCaseIsRefused() throws Exception {
        HttpResponse<byte[]> variant = send(request(ApiPaths.OPERATOR_KIOSKS, "application/json", "POST",
                json.writeValueAsBytes(Map.of("kioskId", "KIOSK-A")))
                .header("Authorization", "Bearer " + creds.operatorToken()));
        assertThat(variant.statusCode()).isEqualTo(409);
        assertThat(problemType(variant)).isEqualTo("urn:bianmin:problem:conflict");
        assertThat(portal.store().kiosks()).noneMatch(k -> k.kioskId().equals("KIOSK-A"));
        assertThat(send(request(ApiPaths.OPERATOR_KIOSKS, "application/json", "POST",
                json.writeValueAsBytes(Map.of("kioskId", "kiosk-a")))
                .header("Authorization", "Bearer " + creds.operatorToken())).statusCode())
                .as("re-keying the registered id").isEqualTo(201);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> portal.registerKiosk("Kiosk-B"))
                .isInstanceOf(ProblemException.class);
        // A pair a database from before the rule holds: each of the two can still be re-keyed.
        portal.store().registerKiosk("KIOSK-B");
        assertThat(portal.registerKiosk("kiosk-b")).isNotBlank();
        assertThat(portal.registerKiosk("KIOSK-B")).isNotBlank();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** Sent with Expect: 100-continue as curl does: a refusal comes before the body, not as a broken pipe. */
    private void assertRefused(HttpRequest.Builder request) throws Exception {
        HttpResponse<byte[]> r = send(request.expectContinue(true));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(problemType(r)).isEqualTo("urn:bianmin:problem:forbidden");
    }

    /** What the operator's browser adds to a form post from the page: its login, fetch metadata, a null Origin. */
    private HttpRequest.Builder ownPage(HttpRequest.Builder request) {
        return request.header("Authorization", basic()).header("Sec-Fetch-Site", "same-origin")
                .header("Origin", "null");
    }

    private String csrfFromOperatorPage() throws Exception {
        HttpResponse<byte[]> page = send(request("/operator", null, "GET", null).header("Authorization", basic()));
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(new String(page.body(), StandardCharsets.UTF_8));
        assertThat(m.find()).as("the page's forms carry the token").isTrue();
        return m.group(1);
    }

    private String basic() {
        return "Basic " + b64("operator:" + creds.operatorToken());
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private SubmissionRequest submission(String receipt, String kioskId) {
        return new SubmissionRequest(receipt, kioskId, ITEM, 1, OffsetDateTime.parse("2026-11-21T10:00:00+08:00"),
                Map.of("name", "张三"), null);
    }

    private HttpRequest.BodyPublisher jsonBody(Object value) throws Exception {
        return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(value));
    }

    private HttpRequest.Builder kiosk(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portal.port() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    }

    private HttpRequest.Builder request(String path, String type, String method, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portal.port() + path));
        if (type != null) {
            b.header("Content-Type", type);
        }
        return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private String problemType(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValue(ApiPaths.PROBLEM_JSON);
        return json.readTree(response.body()).path("type").asText();
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
