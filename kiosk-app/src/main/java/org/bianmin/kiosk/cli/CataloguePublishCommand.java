package org.bianmin.kiosk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.PublishRequest;
import org.bianmin.protocol.api.PublishResult;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.signing.SigningException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Validate, sign and publish a catalogue to the portal, which announces it to every",
                "connected kiosk at once. Exit code 0 published, 1 invalid catalogue or key,",
                "2 refused by the portal, 3 portal unreachable."})
final class CataloguePublishCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--portal", required = true, paramLabel = "URL", description = "Portal base URL.")
    URI portal;

    @Option(names = "--key", required = true, paramLabel = "K", description = "Private key file (keys generate).")
    Path key;

    @Option(names = "--operator-token", paramLabel = "TOKEN", defaultValue = "${env:BIANMIN_OPERATOR_TOKEN}",
            description = "Operator credential (default: $BIANMIN_OPERATOR_TOKEN).")
    String token;

    @Option(names = "--timeout", defaultValue = "PT60S", description = "Upload timeout (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        if (token == null || token.isBlank()) {
            System.err.println("no operator credential: pass --operator-token or set BIANMIN_OPERATOR_TOKEN");
            return 1;
        }
        CatalogueSigning.Signed signed;
        try {
            System.out.println("[1/2] validating and signing " + file);
            signed = CatalogueSigning.sign(file, key, System.out);
        } catch (SigningException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        ObjectMapper json = CatalogueReader.mapper();
        byte[] envelope = json.writeValueAsBytes(new PublishRequest(
                Base64.getEncoder().encodeToString(signed.body()), signed.signature()));
        URI target = portal.resolve(ApiPaths.OPERATOR_CATALOGUE);
        System.out.printf("[2/2] uploading %d bytes to %s%n", envelope.length, target);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new Progress(new ByteArrayInputStream(envelope), envelope.length)), envelope.length))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpTimeoutException e) {
            System.err.println("portal unreachable: " + e);
            return 3;
        }
        if (response.statusCode() != 200) {
            JsonNode problem = json.readTree(response.body());
            System.err.printf("refused by the portal (%d %s): %s%n", response.statusCode(),
                    problem.path("title").asText(), problem.path("detail").asText());
            problem.path("errors").forEach(e -> System.err.println("  " + e.asText()));
            return 2;
        }
        PublishResult result = json.readValue(response.body(), PublishResult.class);
        System.out.printf("published version %d (ETag %s); announced to %d connected kiosk(s)%n", result.version(),
                result.etag(), result.kiosksNotified());
        return 0;
    }

    /** Prints upload progress in quarters. */
    private static final class Progress extends FilterInputStream {
        private final long total;
        private long sent;
        private int quarter;

        Progress(InputStream in, long total) {
            super(in);
            this.total = total;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                sent += n;
                while (quarter < 4 && sent * 4 >= total * (quarter + 1)) {
                    quarter++;
                    System.out.printf("      %3d%% sent%n", quarter * 25);
                }
            }
            return n;
        }
    }
}
