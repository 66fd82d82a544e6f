package org.bianmin.portal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bianmin.protocol.api.SubmissionRequest;

/**
 * A kiosk's delivery as the offline outbox does it, against several nodes behind no load balancer: each submission
 * is sent with its own Idempotency-Key until a node answers {@code 201}; a node that cannot be reached (refused,
 * reset) is left for the next one, a {@code 503} is retried after a pause. Anything else — another status, a
 * request that hangs past {@link NodeClient#REQUEST_TIMEOUT} — is recorded as a failure for the test to report.
 */
final class FailoverKiosk implements Runnable {

    private static final int MAX_TRIES = 200;
    private static final long RETRY_PAUSE_MILLIS = 200;

    private final String kioskId;
    private final String token;
    private final List<NodeClient> nodes;
    private final int submissions;
    private final String item;
    private int node;
    final AtomicInteger stored = new AtomicInteger();
    final AtomicInteger replayed = new AtomicInteger();
    final AtomicInteger failovers = new AtomicInteger();
    /** The problem types of the 503 answers seen. */
    final List<String> unavailable = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();

    FailoverKiosk(String kioskId, String token, List<NodeClient> nodes, int firstNode, int submissions, String item) {
        this.kioskId = kioskId;
        this.token = token;
        this.nodes = nodes;
        this.node = firstNode;
        this.submissions = submissions;
        this.item = item;
    }

    /** The receipt number of this kiosk's {@code n}th submission. */
    String receipt(int n) {
        return "RCPT-%02d%04d".formatted(Integer.parseInt(kioskId.substring(kioskId.lastIndexOf('-') + 1)), n);
    }

    @Override
    public void run() {
        for (int n = 0; n < submissions && failures.isEmpty(); n++) {
            deliver(NodeClient.submission(receipt(n), kioskId, item), kioskId + "-key-" + n);
        }
    }

    private void deliver(SubmissionRequest request, String key) {
        try {
            for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
                try {
                    HttpResponse<byte[]> r = nodes.get(node).submit(token, key, request);
                    if (r.statusCode() == 201) {
                        (r.headers().firstValue("Idempotent-Replayed").isPresent() ? replayed : stored)
                                .incrementAndGet();
                        return;
                    }
                    if (r.statusCode() != 503 || r.headers().firstValue("Retry-After").isEmpty()) {
                        failures.add(key + ": " + r.statusCode() + " "
                                + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
                        return;
                    }
                    unavailable.add(String.valueOf(NodeClient.problemType(r)));
                } catch (HttpTimeoutException e) {
                    failures.add(key + ": no answer within " + NodeClient.REQUEST_TIMEOUT);
                    return;
                } catch (IOException e) {
                    // The node is gone (killed, restarting): the kiosk's next try goes to another one.
                    node = (node + 1) % nodes.size();
                    failovers.incrementAndGet();
                }
                // The outbox's back-off between tries, shortened for the test.
                Thread.sleep(RETRY_PAUSE_MILLIS);
            }
            failures.add(key + ": not delivered after " + MAX_TRIES + " tries");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(key + ": interrupted");
        }
    }
}
