package org.bianmin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLongArray;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many event streams written from several threads at once: publishes, keep-alives and new streams. */
class EventStreamsTest {

    private static final int STREAMS = 100;
    private static final int PUBLISHES = 20;

    @Test
    void publishesWhileKeepAlivesRunOnManyStreamsAllSucceedAndReachEveryStream(@TempDir Path dir) throws Exception {
        Catalogue sample = new CatalogueReader().readSample();
        // A keep-alive every millisecond, so keep-alives and announcements write to the same streams at once.
        PortalOptions options = PortalOptions.of(dir, "127.0.0.1", 0, sample);
        options = new PortalOptions(options.dataDir(), options.host(), options.port(), sample, Clock.systemUTC(),
                Duration.ofMillis(1), options.database(), options.metricsHost(), options.metricsPort());
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        try (PortalServer portal = PortalServer.start(options);
             ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            Bootstrap creds = portal.bootstrap().orElseThrow();
            AtomicLongArray newest = new AtomicLongArray(STREAMS);
            List<InputStream> bodies = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + portal.port() + ApiPaths.EVENTS)).header("Authorization", "Bearer " + creds.kioskToken())
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
                assertThat(r.statusCode()).isEqualTo(200);
                bodies.add(r.body());
                int stream = i;
                readers.submit(() -> drain(r.body(), newest, stream));
            }
            NodeClient client = new NodeClient(portal.port());
            for (long v = 2; v < 2 + PUBLISHES; v++) {
                Catalogue next = new Catalogue(sample.format(), v, sample.publishedAt(), sample.region(),
                        sample.hall(), sample.departments(), sample.topics(), sample.items());
                HttpResponse<byte[]> published = client.publish(next, creds.signingKey(), creds.operatorToken());
                assertThat(published.statusCode()).as("publish of version %d: %s", v,
                        new String(published.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            }
            long last = 1 + PUBLISHES;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!allAt(newest, last) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(allAt(newest, last)).as("every stream heard version %d", last).isTrue();
            for (InputStream body : bodies) {
                body.close();
            }
        }
    }

    private static boolean allAt(AtomicLongArray newest, long version) {
        for (int i = 0; i < newest.length(); i++) {
            if (newest.get(i) < version) {
                return false;
            }
        }
        return true;
    }

    private static void drain(InputStream body, AtomicLongArray newest, int stream) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    long version = CatalogueReader.mapper().readTree(line.substring(5)).path("version").asLong();
                    newest.accumulateAndGet(stream, version, Math::max);
                }
            }
        } catch (java.io.IOException closed) {
            // The test closed the stream.
        }
    }
}
