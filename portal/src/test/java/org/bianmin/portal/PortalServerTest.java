package org.bianmin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.junit.jupiter.api.Test;

/** Real HTTP on loopback. */
class PortalServerTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesTheCatalogueWithAnEtagAndAnswers304WhenUnchanged() throws Exception {
        CatalogueReader reader = new CatalogueReader();
        Catalogue sample = reader.readSample();
        try (PortalServer portal = PortalServer.start(sample, "127.0.0.1", 0)) {
            URI uri = URI.create("http://127.0.0.1:" + portal.port() + "/api/v1/catalogue");
            HttpResponse<byte[]> first = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(first.statusCode()).isEqualTo(200);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).isEqualTo(portal.catalogueEtag());
            assertThat(reader.parse(first.body(), "portal")).isEqualTo(sample);

            HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(uri).header("If-None-Match", etag)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();

            HttpResponse<byte[]> stale = http.send(HttpRequest.newBuilder(uri).header("If-None-Match", "\"old\"")
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(stale.statusCode()).isEqualTo(200);
        }
    }
}
