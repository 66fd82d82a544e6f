package org.bianmin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Whatever a kiosk sends, good or broken, neither the portal's log nor its problem answers repeat personal data
 * or tokens.
 */
class PortalLogPrivacyTest {

    private static final String ID_NUMBER = "350102199001011234";
    private static final String NAME = "王小明";

    @Test
    void neitherFormValuesNorTokensReachTheLog() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try (PortalServer portal = PortalServer.start(new CatalogueReader().readSample(), "127.0.0.1", 0);
             HttpClient http = HttpClient.newHttpClient()) {
            String token = portal.bootstrap().orElseThrow().kioskToken();
            URI submissions = URI.create("http://127.0.0.1:" + portal.port() + ApiPaths.SUBMISSIONS);
            String good = """
                    {"receiptNumber":"KIOSK-DEMO-01-20261121-0001B","kioskId":"kiosk-demo-01",
                     "itemCode":"11350102488130529A2001006010001","catalogueVersion":1,
                     "submittedAt":"2026-11-21T10:00:00+08:00","fields":{"name":"%s","idNumber":"%s"}}"""
                    .formatted(NAME, ID_NUMBER);
            List<String> bodies = List.of(good, good.replace("\"catalogueVersion\":1", "\"catalogueVersion\":\""
                    + ID_NUMBER + "\""), good.replace("11350102488130529A2001006010001", "11350102488130529A2001006019999"),
                    "{\"fields\":{\"idNumber\":\"" + ID_NUMBER + "\"", "[\"" + NAME + "\"]");
            int key = 0;
            for (String body : bodies) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(submissions)
                        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                        .header(ApiPaths.IDEMPOTENCY_KEY, "k" + key++).POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                // Problem details go back into the kiosk's log and alerts: they must not echo values either.
                assertThat(answer.body()).doesNotContain(ID_NUMBER, NAME);
            }
            assertThat(portal.store().count("submission")).isEqualTo(1);
            // An e-ID verification: the code is a credential, the answer the holder's identity.
            String eid = portal.issueTestEid(PortalServerTest.eidHolder()).token();
            String verify = "{\"kioskId\":\"kiosk-demo-01\",\"token\":\"" + eid + "\"}";
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + portal.port() + ApiPaths.EID_VERIFICATIONS)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(verify)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(i == 0 ? 200 : 409);
            }
            assertThat(log.list).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()))
                    .doesNotContain(ID_NUMBER, NAME, token, eid, eid.substring(4)));
        } finally {
            root.detachAppender(log);
        }
    }
}
