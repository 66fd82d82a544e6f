package org.bianmin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bianmin.portal.store.PortalDatabase;
import org.bianmin.portal.store.Postgres;
import org.bianmin.protocol.api.AdvanceRequest;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.SubmissionRequest;
import org.bianmin.protocol.api.SubmissionState;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two portal nodes (two {@link PortalServer}s, each with its own data directory) on one PostgreSQL database. */
@ExtendWith(Postgres.class)
class PortalNodesTest {

    private final Catalogue sample = new CatalogueReader().readSample();
    private final ObjectMapper json = CatalogueReader.mapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PortalServer node(Path dataDir, PortalDatabase database) {
        return PortalServer.start(PortalOptions.of(dataDir, "127.0.0.1", 0, sample).withDatabase(database));
    }

    @Test
    void ofTwoNodesStartingTogetherOnAnEmptyDatabaseExactlyOneBootstraps(PortalDatabase.Postgres database,
            @TempDir Path a, @TempDir Path b) throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<PortalServer> first = threads.submit(() -> node(a, database));
            Future<PortalServer> second = threads.submit(() -> node(b, database));
            try (PortalServer one = first.get(); PortalServer two = second.get()) {
                assertThat(List.of(one, two)).filteredOn(n -> n.bootstrap().isPresent()).hasSize(1);
                PortalServer winner = one.bootstrap().isPresent() ? one : two;
                Path winnerDir = winner == one ? a : b;
                assertThat(winnerDir.resolve("demo-credentials.txt")).exists();
                assertThat((winner == one ? b : a).resolve("demo-credentials.txt")).doesNotExist();
                // The printed credentials work on the other node too: one database.
                PortalServer loser = winner == one ? two : one;
                assertThat(loser.store().kioskForToken(winner.bootstrap().orElseThrow().kioskToken()))
                        .hasValue("kiosk-demo-01");
                assertThat(Files.readString(winnerDir.resolve("demo-credentials.txt")))
                        .contains(winner.bootstrap().orElseThrow().operatorToken());
            }
        }
    }

    @Test
    void theSameIdempotencyKeySentToTwoNodesAtOnceYieldsOneRecordAndTheSameAnswer(PortalDatabase.Postgres database,
            @TempDir Path a, @TempDir Path b) throws Exception {
        try (PortalServer one = node(a, database); PortalServer two = node(b, database);
             ExecutorService threads = Executors.newFixedThreadPool(16)) {
            String token = one.bootstrap().orElseThrow().kioskToken();
            int rounds = 25;
            for (int round = 0; round < rounds; round++) {
                byte[] body = json.writeValueAsBytes(new SubmissionRequest("RCPT-%06d".formatted(round),
                        "kiosk-demo-01", PortalServerTest.PROMISED_ITEM, 1,
                        OffsetDateTime.parse("2026-11-21T10:00:00+08:00"), Map.of("name", "张三", "idNumber", "350102199001011234"), null));
                String key = "race-" + round;
                List<Callable<HttpResponse<byte[]>>> calls = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    PortalServer node = i % 2 == 0 ? one : two;
                    calls.add(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port()
                                    + ApiPaths.SUBMISSIONS)).timeout(Duration.ofSeconds(20))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .header(ApiPaths.IDEMPOTENCY_KEY, key).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(), HttpResponse.BodyHandlers.ofByteArray()));
                }
                List<HttpResponse<byte[]>> answers = new ArrayList<>();
                for (Future<HttpResponse<byte[]>> f : threads.invokeAll(calls)) {
                    answers.add(f.get());
                }
                assertThat(answers).as("round %d", round).allSatisfy(r -> {
                    assertThat(r.statusCode()).isEqualTo(201);
                    assertThat(r.body()).isEqualTo(answers.get(0).body());
                });
                assertThat(answers).filteredOn(r -> r.headers().firstValue("Idempotent-Replayed").isEmpty())
                        .as("stored once, replayed to everyone else").hasSize(1);
            }
            assertThat(one.store().count("submission")).isEqualTo(rounds);
            assertThat(two.store().count("submission")).isEqualTo(rounds);
        }
    }

    @Test
    void aCataloguePublishedOnOneNodeIsAnnouncedOnTheOtherNodesStreamsAndServedThere(PortalDatabase.Postgres database,
            @TempDir Path a, @TempDir Path b) throws Exception {
        try (PortalServer one = node(a, database); PortalServer two = node(b, database)) {
            Bootstrap creds = one.bootstrap().orElseThrow();
            NodeClient toOne = new NodeClient(one.port());
            NodeClient toTwo = new NodeClient(two.port());
            try (NodeClient.EventStream stream = toTwo.events(creds.kioskToken())) {
                assertThat(stream.nextVersion(Duration.ofSeconds(10))).isEqualTo(1);
                // Version 2 drops the 即办 item: node two must know it, not only announce it.
                Catalogue v2 = new Catalogue(sample.format(), 2, sample.publishedAt(), sample.region(), sample.hall(),
                        sample.departments(), sample.topics(), sample.items().stream()
                        .filter(i -> !i.code().equals(PortalServerTest.IMMEDIATE_ITEM)).toList());
                assertThat(toOne.publish(v2, creds.signingKey(), creds.operatorToken()).statusCode()).isEqualTo(200);
                assertThat(stream.nextVersion(Duration.ofSeconds(10))).isEqualTo(2);
            }
            assertThat(two.catalogueVersion()).isEqualTo(2);
            assertThat(two.catalogueEtag()).isEqualTo(one.catalogueEtag());
            HttpResponse<byte[]> served = toTwo.get(ApiPaths.CATALOGUE, null);
            assertThat(served.headers().firstValue("ETag")).hasValue(one.catalogueEtag());
            HttpResponse<byte[]> dropped = toTwo.submit(creds.kioskToken(), "k-dropped",
                    NodeClient.submission("RCPT-000901", creds.kioskId(), PortalServerTest.IMMEDIATE_ITEM));
            assertThat(dropped.statusCode()).isEqualTo(422);
            assertThat(NodeClient.json(dropped).path("errors").toString()).contains("unknown item");
        }
    }

    @Test
    void aSubmissionFiledOnOneNodeIsSeenAndMovedOnTheOther(PortalDatabase.Postgres database, @TempDir Path a,
            @TempDir Path b) throws Exception {
        try (PortalServer one = node(a, database); PortalServer two = node(b, database)) {
            Bootstrap creds = one.bootstrap().orElseThrow();
            NodeClient toOne = new NodeClient(one.port());
            NodeClient toTwo = new NodeClient(two.port());
            assertThat(toOne.submit(creds.kioskToken(), "k-1", NodeClient.submission("RCPT-000902", creds.kioskId(),
                    PortalServerTest.PROMISED_ITEM)).statusCode()).isEqualTo(201);
            assertThat(NodeClient.json(toTwo.get(ApiPaths.submission("RCPT-000902"), creds.kioskToken()))
                    .path("state").asText()).isEqualTo("RECEIVED");
            assertThat(toTwo.post(ApiPaths.OPERATOR_SUBMISSIONS + "/RCPT-000902", creds.operatorToken(), null,
                    new AdvanceRequest(SubmissionState.ACCEPTED, null)).statusCode()).isEqualTo(200);
            assertThat(NodeClient.json(toOne.get(ApiPaths.submission("RCPT-000902"), creds.kioskToken()))
                    .path("state").asText()).isEqualTo("ACCEPTED");
        }
    }
}
