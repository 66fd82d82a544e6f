package org.bianmin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.Heartbeat;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics}: on its own listener only, aggregates without kiosk, receipt or person labels. */
class PortalMetricsTest {

    @Test
    void metricsAreServedOnTheirOwnPortWithFleetAggregatesAndNodeCounters(@TempDir Path dir) throws Exception {
        try (PortalServer portal = PortalServer.start(PortalOptions.of(dir, "127.0.0.1", 0,
                new CatalogueReader().readSample()).withMetrics("127.0.0.1", 0))) {
            Bootstrap creds = portal.bootstrap().orElseThrow();
            NodeClient api = new NodeClient(portal.port());
            NodeClient monitoring = new NodeClient(portal.metricsPort());
            assertThat(api.submit(creds.kioskToken(), "k-1", NodeClient.submission("RCPT-000777", creds.kioskId(),
                    PortalServerTest.PROMISED_ITEM)).statusCode()).isEqualTo(201);
            assertThat(api.submit(creds.kioskToken(), "k-1", NodeClient.submission("RCPT-000777", creds.kioskId(),
                    PortalServerTest.PROMISED_ITEM)).statusCode()).isEqualTo(201);
            assertThat(api.post(ApiPaths.HEARTBEATS, creds.kioskToken(), null, new Heartbeat(creds.kioskId(), "0.1.0",
                    1, OffsetDateTime.now(), List.of(new Heartbeat.DeviceReport("printer",
                    Heartbeat.DeviceState.ERROR, "jam", List.of())), 0, 0, 0, null, List.of())).statusCode())
                    .isEqualTo(200);
            portal.registerKiosk("kiosk-silent");

            HttpResponse<byte[]> scraped = monitoring.get("/metrics", null);
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
            String text = new String(scraped.body(), StandardCharsets.UTF_8);
            assertThat(text).contains("bianmin_store_up 1\n", "bianmin_kiosks{state=\"online\"} 1\n",
                    "bianmin_kiosks{state=\"offline\"} 1\n", "bianmin_kiosks{state=\"revoked\"} 0\n",
                    "bianmin_kiosks_flagged{flag=\"device_fault\"} 1\n",
                    "bianmin_kiosks_flagged{flag=\"supply_low\"} 0\n", "bianmin_submissions{state=\"received\"} 1\n",
                    "bianmin_heartbeat_age_seconds_bucket{le=\"30\"} 1\n",
                    "bianmin_heartbeat_age_seconds_bucket{le=\"+Inf\"} 1\n",
                    "bianmin_heartbeat_age_seconds_count 1\n",
                    "bianmin_node_submissions_total{outcome=\"replayed\"} 1\n",
                    "bianmin_node_submissions_total{outcome=\"stored\"} 1\n", "bianmin_node_heartbeats_total 1\n",
                    "bianmin_node_catalogue_version 1\n", "# TYPE bianmin_heartbeat_age_seconds histogram\n")
                    .doesNotContain(creds.kioskId(), "kiosk-silent", "RCPT-000777", PortalServerTest.PROMISED_ITEM);
            // Every sample line is "name{labels} number" or "name number".
            assertThat(text.lines().filter(l -> !l.startsWith("#")))
                    .allMatch(l -> l.matches("[a-z_]+(\\{[a-z]+=\"[^\"]*\"\\})? [0-9.E+-]+"));
            assertThat(api.get("/metrics", creds.operatorToken()).statusCode()).as("not on the public port")
                    .isEqualTo(404);
            assertThat(monitoring.get(ApiPaths.CATALOGUE, null).statusCode()).as("nothing else on the metrics port")
                    .isEqualTo(404);
        }
    }
}
