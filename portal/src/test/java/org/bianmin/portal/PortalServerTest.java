package org.bianmin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bianmin.portal.store.StoredRating;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.ReceiptNumbers;
import org.bianmin.protocol.api.CatalogueSignatureFile;
import org.bianmin.protocol.api.EidIdentity;
import org.bianmin.protocol.api.EidTestToken;
import org.bianmin.protocol.api.EidVerificationRequest;
import org.bianmin.protocol.api.Heartbeat;
import org.bianmin.protocol.api.HolderKey;
import org.bianmin.protocol.api.HolderLookupRequest;
import org.bianmin.protocol.api.PublishRequest;
import org.bianmin.protocol.api.RatingReason;
import org.bianmin.protocol.api.RatingRequest;
import org.bianmin.protocol.api.SubmissionRequest;
import org.bianmin.protocol.api.SubmissionState;
import org.bianmin.protocol.api.SubmissionStatus;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.signing.CatalogueSigner;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.KeyFile;
import org.bianmin.protocol.signing.TrustedKeys;
import org.bianmin.protocol.signing.Verification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole portal protocol over real HTTP on loopback, on SQLite. */
class PortalServerTest {

    static final String PROMISED_ITEM = "11350102488130529A2001006010001";
    static final String IMMEDIATE_ITEM = "11350102003612459N2002002010001";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = CatalogueReader.mapper();
    private final CatalogueReader reader = new CatalogueReader();
    private final Catalogue sample = reader.readSample();
    private PortalServer portal;
    private Bootstrap creds;

    @BeforeEach
    void start() {
        portal = startPortal(sample);
        creds = portal.bootstrap().orElseThrow();
    }

    /** A portal on a fresh database (SQLite here; {@link PostgresPortalServerTest} runs every test on PostgreSQL). */
    PortalServer startPortal(Catalogue catalogue) {
        return PortalServer.start(catalogue, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void servesTheSignedCatalogueAsStaticFilesWithEtags() throws Exception {
        HttpResponse<byte[]> body = get(ApiPaths.CATALOGUE, null, null);
        assertThat(body.statusCode()).isEqualTo(200);
        String etag = body.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo(portal.catalogueEtag());
        assertThat(reader.parse(body.body(), "portal")).isEqualTo(sample);
        assertThat(get(ApiPaths.CATALOGUE, null, etag).statusCode()).isEqualTo(304);
        assertThat(get(ApiPaths.CATALOGUE, null, "\"old\"").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> sig = get(ApiPaths.CATALOGUE_SIGNATURE, null, null);
        CatalogueSignatureFile signature = json.readValue(sig.body(), CatalogueSignatureFile.class);
        assertThat(TrustedKeys.of(List.of(creds.signingKey().publicOnly())).verify(body.body(), signature))
                .isInstanceOf(Verification.Valid.class);
        assertThat(get(ApiPaths.CATALOGUE_SIGNATURE, null, sig.headers().firstValue("ETag").orElseThrow())
                .statusCode()).isEqualTo(304);
    }

    @Test
    void unknownOrRevokedKiosksGetA401ProblemAndNothingElse() throws Exception {
        for (String token : new String[] {null, "nonsense"}) {
            HttpResponse<byte[]> r = get(ApiPaths.submission("RCPT-000001"), token, null);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type")).hasValue(ApiPaths.PROBLEM_JSON);
            assertThat(json.readTree(r.body()).has("detail")).isFalse();
        }
        HttpResponse<byte[]> registered = post(ApiPaths.OPERATOR_KIOSKS, creds.operatorToken(), null,
                Map.of("kioskId", "kiosk-b"));
        assertThat(registered.statusCode()).isEqualTo(201);
        String token = json.readTree(registered.body()).path("token").asText();
        assertThat(post(ApiPaths.HEARTBEATS, token, null, heartbeat("kiosk-b")).statusCode()).isEqualTo(200);
        assertThat(post(ApiPaths.OPERATOR_KIOSKS, creds.operatorToken(), null, Map.of("kioskId", "B!")).statusCode())
                .isEqualTo(422);
        assertThat(post(ApiPaths.OPERATOR_KIOSKS + "/kiosk-b/revoke", creds.operatorToken(), null, Map.of())
                .statusCode()).isEqualTo(204);
        assertThat(post(ApiPaths.HEARTBEATS, token, null, heartbeat("kiosk-b")).statusCode()).isEqualTo(401);
        assertThat(post(ApiPaths.HEARTBEATS, creds.kioskToken(), null, heartbeat("kiosk-b")).statusCode())
                .isEqualTo(403);
        assertThat(get(ApiPaths.OPERATOR_KIOSKS, creds.kioskToken(), null).statusCode())
                .as("a known kiosk credential is not allowed on operator routes").isEqualTo(403);
    }

    @Test
    void theSameIdempotencyKeyAlwaysYieldsTheSameAnswerAndOneRecord() throws Exception {
        SubmissionRequest request = submission("RCPT-000001", PROMISED_ITEM);
        HttpResponse<byte[]> first = post(ApiPaths.SUBMISSIONS, creds.kioskToken(), "key-1", request);
        HttpResponse<byte[]> again = post(ApiPaths.SUBMISSIONS, creds.kioskToken(), "key-1", request);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(portal.store().count("submission")).isEqualTo(1);

        HttpResponse<byte[]> reused = post(ApiPaths.SUBMISSIONS, creds.kioskToken(), "key-1",
                submission("RCPT-000002", PROMISED_ITEM));
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(problemType(reused)).isEqualTo("urn:bianmin:problem:idempotency-key-reused");
        assertThat(post(ApiPaths.SUBMISSIONS, creds.kioskToken(), "key-2", request).statusCode()).isEqualTo(409);
        assertThat(problemType(post(ApiPaths.SUBMISSIONS, creds.kioskToken(), null, request)))
                .isEqualTo("urn:bianmin:problem:missing-idempotency-key");
        HttpResponse<byte[]> unknown = post(ApiPaths.SUBMISSIONS, creds.kioskToken(), "key-3",
                submission("RCPT-000003", "nope"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(json.readTree(unknown.body()).path("errors").toString()).contains("itemCode");
        HttpResponse<byte[]> garbage = send(HttpRequest.newBuilder(uri(ApiPaths.SUBMISSIONS))
                .header("Authorization", "Bearer " + creds.kioskToken()).header(ApiPaths.IDEMPOTENCY_KEY, "k4")
                .POST(HttpRequest.BodyPublishers.ofString("{\"receiptNumber\": ")));
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(portal.store().count("submission")).isEqualTo(1);
    }

    @Test
    void submissionsMoveThroughTheirStatesAndImmediateItemsAreDecidedAtOnce() throws Exception {
        post(ApiPaths.SUBMISSIONS, creds.kioskToken(), "k1", submission("RCPT-000010", PROMISED_ITEM));
        post(ApiPaths.SUBMISSIONS, creds.kioskToken(), "k2", submission("RCPT-000011", IMMEDIATE_ITEM));
        assertThat(state("RCPT-000010")).isEqualTo("RECEIVED");
        assertThat(state("RCPT-000011")).isEqualTo("COMPLETED");

        String op = creds.operatorToken();
        String advance = ApiPaths.OPERATOR_SUBMISSIONS + "/RCPT-000010";
        assertThat(post(advance, op, null, Map.of("state", "COMPLETED")).statusCode()).isEqualTo(409);
        for (String next : List.of("ACCEPTED", "IN_REVIEW", "COMPLETED")) {
            assertThat(post(advance, op, null, Map.of("state", next, "note", "ok")).statusCode()).isEqualTo(200);
        }
        JsonNode status = json.readTree(get(ApiPaths.submission("RCPT-000010"), creds.kioskToken(), null).body());
        assertThat(status.path("history")).hasSize(4);
        assertThat(get(ApiPaths.submission("RCPT-999999"), creds.kioskToken(), null).statusCode()).isEqualTo(404);
        assertThat(post(advance, creds.kioskToken(), null, Map.of("state", "REJECTED")).statusCode()).isEqualTo(403);
    }

    @Test
    void aReceiptNumberReadBackWithZeroForOOrOneForIIsFound() throws Exception {
        // Numbers issued before the check digits could end in O or I; a citizen reads them as 0 and 1.
        String endsInO = legacyNumberEndingIn('O');
        String endsInI = legacyNumberEndingIn('I');
        post(ApiPaths.SUBMISSIONS, creds.kioskToken(), "k1", submission(endsInO, PROMISED_ITEM));
        post(ApiPaths.SUBMISSIONS, creds.kioskToken(), "k2", submission(endsInI, PROMISED_ITEM));
        String readAsZero = endsInO.substring(0, endsInO.length() - 1) + "0";
        assertThat(json.readTree(get(ApiPaths.submission(readAsZero), creds.kioskToken(), null).body())
                .path("receiptNumber").asText()).isEqualTo(endsInO);
        assertThat(state(endsInI.substring(0, endsInI.length() - 1) + "1")).isEqualTo("RECEIVED");
        assertThat(get(ApiPaths.submission(endsInO.substring(0, endsInO.length() - 1) + "1"), creds.kioskToken(),
                null).statusCode()).as("not a reading of any stored number").isEqualTo(404);
    }

    /** A number in the form issued before, of this test's kiosk, whose check character is {@code check}. */
    private String legacyNumberEndingIn(char check) {
        String kiosk = creds.kioskId().toUpperCase(java.util.Locale.ROOT);
        return java.util.stream.IntStream.range(1, 10_000)
                .mapToObj(n -> kiosk + "-20261101-" + String.format(java.util.Locale.ROOT, "%04d", n))
                .filter(body -> ReceiptNumbers.legacyCheckCharacter(body) == check)
                .findFirst().map(body -> body + check).orElseThrow();
    }

    @Test
    void aPoorRatingKeepsItsReasonsAsCodesApartFromTheComment() throws Exception {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-21T10:05:00+08:00");
        RatingRequest poor = new RatingRequest(creds.kioskId(), PROMISED_ITEM, "RCPT-000030", 2,
                List.of(RatingReason.SLOW, RatingReason.MACHINE_PROBLEM), "等了很久", at);
        assertThat(post(ApiPaths.RATINGS, creds.kioskToken(), "r1", poor).statusCode()).isEqualTo(201);
        assertThat(post(ApiPaths.RATINGS, creds.kioskToken(), "r2", new RatingRequest(creds.kioskId(),
                PROMISED_ITEM, null, 5, null, null, at)).statusCode()).isEqualTo(201);
        assertThat(portal.store().recentRatings(10)).extracting(StoredRating::score, StoredRating::reasons,
                StoredRating::comment).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(5, List.of(), null),
                        org.assertj.core.groups.Tuple.tuple(2, List.of(RatingReason.SLOW,
                                RatingReason.MACHINE_PROBLEM), "等了很久"));

        HttpResponse<byte[]> praisedWithReasons = post(ApiPaths.RATINGS, creds.kioskToken(), "r3",
                new RatingRequest(creds.kioskId(), PROMISED_ITEM, null, 4, List.of(RatingReason.SLOW), null, at));
        assertThat(praisedWithReasons.statusCode()).isEqualTo(422);
        assertThat(json.readTree(praisedWithReasons.body()).path("errors").toString()).contains("reasons");
        assertThat(post(ApiPaths.RATINGS, creds.kioskToken(), "r4", new RatingRequest(creds.kioskId(),
                PROMISED_ITEM, null, 1, List.of(RatingReason.SLOW, RatingReason.SLOW), null, at)).statusCode())
                .isEqualTo(422);
        HttpResponse<byte[]> unknownReason = send(HttpRequest.newBuilder(uri(ApiPaths.RATINGS))
                .header("Authorization", "Bearer " + creds.kioskToken()).header(ApiPaths.IDEMPOTENCY_KEY, "r5")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(poor)
                        .replace("MACHINE_PROBLEM", "RUDE_ROBOT"))));
        assertThat(unknownReason.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknownReason.body()).path("detail").asText()).contains("reasons")
                .doesNotContain("RUDE_ROBOT");
        assertThat(portal.store().count("rating")).isEqualTo(2);
    }

    @Test
    void aTestEidCodeIsIssuedToAnOperatorAndVerifiedOnceForAKiosk() throws Exception {
        EidIdentity holder = eidHolder();
        HttpResponse<byte[]> issued = post(ApiPaths.OPERATOR_EID_TEST_TOKENS, creds.operatorToken(), null, holder);
        assertThat(issued.statusCode()).isEqualTo(201);
        EidTestToken code = json.readValue(issued.body(), EidTestToken.class);
        assertThat(code.token()).matches("EID:[A-Za-z0-9_-]{64}");
        assertThat(code.expiresAt()).isAfter(OffsetDateTime.now().plusMinutes(4));

        HttpResponse<byte[]> verified = post(ApiPaths.EID_VERIFICATIONS, creds.kioskToken(), null,
                new EidVerificationRequest(creds.kioskId(), code.token()));
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(json.readValue(verified.body(), EidIdentity.class)).isEqualTo(holder);
        HttpResponse<byte[]> again = post(ApiPaths.EID_VERIFICATIONS, creds.kioskToken(), null,
                new EidVerificationRequest(creds.kioskId(), code.token()));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(problemType(again)).isEqualTo("urn:bianmin:problem:eid-used");
        assertThat(new String(again.body(), StandardCharsets.UTF_8)).doesNotContain(holder.idNumber(), holder.name());

        String expired = portal.store().issueEid(holder, Duration.ZERO).token();
        assertThat(problemType(post(ApiPaths.EID_VERIFICATIONS, creds.kioskToken(), null,
                new EidVerificationRequest(creds.kioskId(), expired)))).isEqualTo("urn:bianmin:problem:eid-expired");
        assertThat(problemType(post(ApiPaths.EID_VERIFICATIONS, creds.kioskToken(), null,
                new EidVerificationRequest(creds.kioskId(), "EID:" + "A".repeat(64)))))
                .isEqualTo("urn:bianmin:problem:eid-invalid");

        String fresh = portal.issueTestEid(holder).token();
        assertThat(post(ApiPaths.EID_VERIFICATIONS, creds.kioskToken(), null,
                new EidVerificationRequest("kiosk-other", fresh)).statusCode()).isEqualTo(403);
        assertThat(post(ApiPaths.EID_VERIFICATIONS, null, null,
                new EidVerificationRequest(creds.kioskId(), fresh)).statusCode()).isEqualTo(401);
        assertThat(post(ApiPaths.OPERATOR_EID_TEST_TOKENS, creds.kioskToken(), null, holder).statusCode())
                .as("kiosks cannot mint codes").isEqualTo(403);
        HttpResponse<byte[]> incomplete = post(ApiPaths.OPERATOR_EID_TEST_TOKENS, creds.operatorToken(), null,
                new EidIdentity("张三", null, "汉", null, "", "12345", "x", null, null));
        assertThat(incomplete.statusCode()).isEqualTo(422);
        assertThat(json.readTree(incomplete.body()).path("errors").toString()).contains("idNumber", "address");
        assertThat(post(ApiPaths.EID_VERIFICATIONS, creds.kioskToken(), null,
                new EidVerificationRequest(creds.kioskId(), fresh)).statusCode()).as("still unused").isEqualTo(200);
    }

    static EidIdentity eidHolder() {
        return new EidIdentity("王小明", EidIdentity.Gender.MALE, "汉", java.time.LocalDate.of(1990, 1, 1),
                "福建省福州市鼓楼区示例路1号", "350102199001011234", "福州市公安局鼓楼分局",
                java.time.LocalDate.of(2020, 1, 1), null);
    }

    @Test
    void aHoldersApplicationsAreFoundByTheirKeyedHashNotTheirIdNumber() throws Exception {
        HttpResponse<byte[]> keyAnswer = get(ApiPaths.HOLDER_KEY, creds.kioskToken(), null);
        assertThat(keyAnswer.statusCode()).isEqualTo(200);
        HolderKey key = json.readValue(keyAnswer.body(), HolderKey.class);
        assertThat(json.readValue(get(ApiPaths.HOLDER_KEY, creds.kioskToken(), null).body(), HolderKey.class))
                .as("one key for every kiosk, every time").isEqualTo(key);
        assertThat(get(ApiPaths.HOLDER_KEY, null, null).statusCode()).isEqualTo(401);
        String holder = key.hash("350102199001011234");
        assertThat(holder).matches("[0-9a-f]{64}").isEqualTo(key.hash("350102199001011234 "))
                .isNotEqualTo(key.hash("350102199001011235"))
                .isNotEqualTo(new HolderKey(Base64.getEncoder().encodeToString(new byte[32])).hash("350102199001011234"));

        for (String[] s : new String[][] {{"RCPT-000040", holder}, {"RCPT-000041", key.hash("35010219900101123X")},
                {"RCPT-000042", holder}, {"RCPT-000043", null}}) {
            SubmissionRequest r = submission(s[0], IMMEDIATE_ITEM);
            assertThat(post(ApiPaths.SUBMISSIONS, creds.kioskToken(), "h" + s[0], new SubmissionRequest(
                    r.receiptNumber(), r.kioskId(), r.itemCode(), 1, r.submittedAt(), r.fields(), s[1])).statusCode())
                    .isEqualTo(201);
        }
        HttpResponse<byte[]> found = post(ApiPaths.SUBMISSIONS_BY_HOLDER, creds.kioskToken(), null,
                new HolderLookupRequest(creds.kioskId(), holder));
        assertThat(found.statusCode()).isEqualTo(200);
        List<SubmissionStatus> mine = json.readValue(found.body(), json.getTypeFactory()
                .constructCollectionType(List.class, SubmissionStatus.class));
        assertThat(mine).extracting(SubmissionStatus::receiptNumber).containsExactly("RCPT-000042", "RCPT-000040");
        assertThat(mine).allSatisfy(st -> assertThat(st.state()).isEqualTo(SubmissionState.COMPLETED));
        assertThat(new String(found.body(), StandardCharsets.UTF_8)).doesNotContain("350102199001011234", "张三");

        assertThat(json.readTree(post(ApiPaths.SUBMISSIONS_BY_HOLDER, creds.kioskToken(), null,
                new HolderLookupRequest(creds.kioskId(), key.hash("110105199003071239"))).body())).isEmpty();
        assertThat(post(ApiPaths.SUBMISSIONS_BY_HOLDER, creds.kioskToken(), null,
                new HolderLookupRequest(creds.kioskId(), "350102199001011234")).statusCode())
                .as("an ID number is not a holder key").isEqualTo(422);
        assertThat(post(ApiPaths.SUBMISSIONS_BY_HOLDER, creds.kioskToken(), null,
                new HolderLookupRequest("kiosk-other", holder)).statusCode()).isEqualTo(403);
        SubmissionRequest r = submission("RCPT-000044", IMMEDIATE_ITEM);
        assertThat(post(ApiPaths.SUBMISSIONS, creds.kioskToken(), "bad-holder", new SubmissionRequest(
                r.receiptNumber(), r.kioskId(), r.itemCode(), 1, r.submittedAt(), r.fields(), "350102199001011234"))
                .statusCode()).isEqualTo(422);
    }

    @Test
    void heartbeatsShowOnTheOperatorPageWithoutPersonalData() throws Exception {
        post(ApiPaths.HEARTBEATS, creds.kioskToken(), null, heartbeat(creds.kioskId()));
        post(ApiPaths.SUBMISSIONS, creds.kioskToken(), "k1", submission("RCPT-000020", PROMISED_ITEM));
        HttpResponse<byte[]> page = send(HttpRequest.newBuilder(uri("/operator")).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("op:" + creds.operatorToken()).getBytes(StandardCharsets.UTF_8))));
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(html).contains(creds.kioskId(), "printer: WARNING", "paper LOW", "RCPT-000020",
                        "CATALOGUE_REFUSED", "port idcard: FAIL — /dev/ttyUSB7 does not exist")
                .doesNotContain("350102199001011234").doesNotContain("database: PASS");
        HttpResponse<byte[]> anonymous = get("/operator", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
        JsonNode kiosks = json.readTree(get(ApiPaths.OPERATOR_KIOSKS, creds.operatorToken(), null).body());
        assertThat(kiosks.get(0).path("lastHeartbeat").path("outboxDepth").asInt()).isEqualTo(3);
        assertThat(kiosks.get(0).path("lastHeartbeat").path("selfCheck").get(1).path("status").asText())
                .isEqualTo("FAIL");
    }

    @Test
    void theFleetViewPagesFiltersAndCountsKiosksBehindTheOperatorLogin() throws Exception {
        for (int i = 0; i < 150; i++) {
            portal.store().registerKiosk("hall-%03d".formatted(i));
        }
        portal.store().revokeKiosk("hall-007");
        post(ApiPaths.HEARTBEATS, creds.kioskToken(), null, heartbeat(creds.kioskId()));
        String basic = "Basic " + Base64.getEncoder().encodeToString(("op:" + creds.operatorToken())
                .getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> offline = send(HttpRequest.newBuilder(uri("/operator/fleet?show=offline"))
                .header("Authorization", basic));
        assertThat(offline.statusCode()).isEqualTo(200);
        assertThat(offline.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.PAGE_POLICY);
        assertThat(offline.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        String html = new String(offline.body(), StandardCharsets.UTF_8);
        // 151 kiosks: the demo kiosk reported, one is revoked, 149 never reported.
        assertThat(html).contains("在线 online 1", "全部 all 151", "离线 offline 149", "已吊销 revoked 1",
                        "耗材不足 supply low 1", "自检失败 self-check failed 1", "目录被拒 catalogue refused 1",
                        "149 台 kiosks", "page 1 / 2", "hall-000 (离线 offline)",
                        "/operator/fleet?show=offline&amp;page=2")
                .doesNotContain("hall-007", creds.kioskId() + "<", "hall-101");
        String second = new String(send(HttpRequest.newBuilder(uri("/operator/fleet?show=offline&page=2"))
                .header("Authorization", basic)).body(), StandardCharsets.UTF_8);
        assertThat(second).contains("hall-101", "hall-149", "page 2 / 2").doesNotContain("hall-100");
        String searched = new String(send(HttpRequest.newBuilder(uri("/operator/fleet?q=HALL-01"))
                .header("Authorization", basic)).body(), StandardCharsets.UTF_8);
        assertThat(searched).contains("10 台 kiosks", "hall-019").doesNotContain("hall-020");
        String supply = new String(send(HttpRequest.newBuilder(uri("/operator/fleet?show=supply-low"))
                .header("Authorization", basic)).body(), StandardCharsets.UTF_8);
        assertThat(supply).contains("1 台 kiosks", creds.kioskId(), "paper LOW").doesNotContain("hall-000");

        for (String bad : List.of("?show=nothing", "?q=hall%25", "?page=0", "?page=x")) {
            HttpResponse<byte[]> refused = send(HttpRequest.newBuilder(uri("/operator/fleet" + bad))
                    .header("Authorization", basic));
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
        }
        assertThat(get("/operator/fleet", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/operator/fleet", creds.kioskToken(), null).statusCode()).isEqualTo(403);
        // The operator page shows the first page and leads to the rest.
        String operator = new String(send(HttpRequest.newBuilder(uri("/operator")).header("Authorization", basic))
                .body(), StandardCharsets.UTF_8);
        assertThat(operator).contains("全部终端 all 151 kiosks", "hall-099").doesNotContain("hall-100");
    }

    @Test
    void aHeartbeatWithoutSelfCheckFromAnOlderKioskIsAccepted() throws Exception {
        var older = (com.fasterxml.jackson.databind.node.ObjectNode) json.valueToTree(heartbeat(creds.kioskId()));
        older.remove("selfCheck");
        assertThat(post(ApiPaths.HEARTBEATS, creds.kioskToken(), null, older).statusCode()).isEqualTo(200);
        JsonNode kiosks = json.readTree(get(ApiPaths.OPERATOR_KIOSKS, creds.operatorToken(), null).body());
        assertThat(kiosks.get(0).path("lastHeartbeat").path("selfCheck").isEmpty()).isTrue();
    }

    @Test
    void publishingChecksSignatureSchemaAndVersionThenAnnouncesOnTheEventStream() throws Exception {
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(uri(ApiPaths.EVENTS))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + creds.kioskToken()).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        assertThat(nextData(events)).contains("\"version\":1");

        assertThat(publish(version(2), creds.signingKey()).statusCode()).isEqualTo(200);
        assertThat(nextData(events)).contains("\"version\":2");
        assertThat(portal.catalogueVersion()).isEqualTo(2);

        assertThat(problemType(publish(version(2), creds.signingKey())))
                .isEqualTo("urn:bianmin:problem:catalogue-not-newer");
        KeyFile stranger = Ed25519Keys.toFile(Ed25519Keys.generate());
        assertThat(problemType(publish(version(3), stranger))).isEqualTo("urn:bianmin:problem:signature-invalid");
        byte[] body = json.writeValueAsBytes(version(3));
        CatalogueSignatureFile sig = new CatalogueSigner(creds.signingKey()).sign(body, 3);
        body[10] ^= 1;
        assertThat(problemType(put(new PublishRequest(Base64.getEncoder().encodeToString(body), sig))))
                .isEqualTo("urn:bianmin:problem:signature-invalid");
        assertThat(get(ApiPaths.EVENTS, null, null).statusCode()).isEqualTo(401);
        stream.body().close();
    }

    @Test
    void unknownPathsAnswerWithProblemDetails() throws Exception {
        HttpResponse<byte[]> r = get("/api/v1/nothing-here", creds.kioskToken(), null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(ApiPaths.PROBLEM_JSON);
        assertThat(problemType(r)).isEqualTo("urn:bianmin:problem:not-found");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Catalogue version(long v) {
        return new Catalogue(sample.format(), v, sample.publishedAt(), sample.region(), sample.hall(),
                sample.departments(), sample.topics(), sample.items());
    }

    private HttpResponse<byte[]> publish(Catalogue catalogue, KeyFile key) throws Exception {
        byte[] body = json.writeValueAsBytes(catalogue);
        return put(new PublishRequest(Base64.getEncoder().encodeToString(body),
                new CatalogueSigner(key).sign(body, catalogue.version())));
    }

    private HttpResponse<byte[]> put(PublishRequest request) throws Exception {
        return send(HttpRequest.newBuilder(uri(ApiPaths.OPERATOR_CATALOGUE))
                .header("Authorization", "Bearer " + creds.operatorToken())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request))));
    }

    private static String nextData(BufferedReader events) throws Exception {
        String line;
        while ((line = events.readLine()) != null) {
            if (line.startsWith("data:")) {
                return line;
            }
        }
        return "";
    }

    private SubmissionRequest submission(String receipt, String item) {
        return new SubmissionRequest(receipt, creds.kioskId(), item, 1, OffsetDateTime.parse("2026-11-21T10:00:00+08:00"),
                Map.of("name", "张三", "idNumber", "350102199001011234"), null);
    }

    private static Heartbeat heartbeat(String kioskId) {
        return new Heartbeat(kioskId, "0.1.0", 1, OffsetDateTime.parse("2026-11-21T10:00:00+08:00"),
                List.of(new Heartbeat.DeviceReport("printer", Heartbeat.DeviceState.WARNING, "paper low",
                        List.of(new Heartbeat.Supply("paper", Heartbeat.SupplyLevel.LOW)))), 3, 42, 0, null,
                List.of("CATALOGUE_REFUSED: signed by key 00ff, which this kiosk does not trust"),
                List.of(new Heartbeat.Check("database", Heartbeat.CheckStatus.PASS, "quick_check ok"),
                        new Heartbeat.Check("port idcard", Heartbeat.CheckStatus.FAIL, "/dev/ttyUSB7 does not exist")));
    }

    private String state(String receipt) throws Exception {
        return json.readTree(get(ApiPaths.submission(receipt), creds.kioskToken(), null).body()).path("state").asText();
    }

    private String problemType(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValue(ApiPaths.PROBLEM_JSON);
        return json.readTree(response.body()).path("type").asText();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + portal.port() + path);
    }

    private HttpResponse<byte[]> get(String path, String token, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return send(b);
    }

    private HttpResponse<byte[]> post(String path, String token, String key, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            b.header(ApiPaths.IDEMPOTENCY_KEY, key);
        }
        return send(b);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
