package org.bianmin.cache.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.SubmissionRequest;
import org.bianmin.protocol.api.SubmissionStatus;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.json.BoundedJson;

/**
 * Receipt-number lookup: from the portal when it answers, else the last status it gave, marked with when it was
 * learned. Blocks the calling thread for at most the request timeout (never call it on the FX thread).
 */
final class ReceiptLookup {

    private final PortalClient client;
    private final SyncSettings settings;
    private final Clock clock;
    private final ObjectMapper json = CatalogueReader.mapper();
    private final LastKnown<SubmissionStatus> lastKnown = new LastKnown<>();

    ReceiptLookup(PortalClient client, SyncSettings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    ReceiptStatus lookup(String receiptNumber) {
        if (!SubmissionRequest.validReceiptNumber(receiptNumber)) {
            return new ReceiptStatus.Unknown("not a receipt number");
        }
        PortalClient.Reply reply = client.send(client.api(ApiPaths.submission(receiptNumber)).GET(),
                settings.requestTimeout());
        if (reply instanceof PortalClient.Reply.Answered a && a.status() == 200) {
            try {
                SubmissionStatus status = BoundedJson.readValue(json, a.body(), SubmissionStatus.class);
                lastKnown.put(receiptNumber, status, clock.instant());
                return new ReceiptStatus.Live(status);
            } catch (IOException e) {
                return fallback(receiptNumber, "the portal's answer was unreadable");
            }
        }
        if (reply instanceof PortalClient.Reply.Answered a && a.status() == 404) {
            return new ReceiptStatus.Unknown("the portal has no submission " + receiptNumber
                    + " (it may still be in this kiosk's outbox)");
        }
        return fallback(receiptNumber, reply instanceof PortalClient.Reply.Answered a ? client.describe(a)
                : ((PortalClient.Reply.NoAnswer) reply).error());
    }

    private ReceiptStatus fallback(String receiptNumber, String why) {
        return lastKnown.get(receiptNumber)
                .<ReceiptStatus>map(known -> new ReceiptStatus.LastKnown(known.value(), known.learnedAt(), why))
                .orElseGet(() -> new ReceiptStatus.Unknown("portal unreachable (" + why + ") and no earlier status"));
    }
}
