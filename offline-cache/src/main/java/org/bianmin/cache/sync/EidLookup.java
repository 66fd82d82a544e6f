package org.bianmin.cache.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.EidIdentity;
import org.bianmin.protocol.api.EidVerificationRequest;
import org.bianmin.protocol.api.ProblemType;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.json.BoundedJson;

/**
 * Has the portal verify a scanned e-ID code. Never retried or queued: a code is short-lived and single-use, and a
 * citizen is waiting. Blocks for at most the request timeout (never call it on the FX thread).
 */
final class EidLookup {

    private static final Map<String, EidCheck.Reason> REFUSALS = Map.of(
            ProblemType.EID_INVALID.uri(), EidCheck.Reason.INVALID,
            ProblemType.EID_EXPIRED.uri(), EidCheck.Reason.EXPIRED,
            ProblemType.EID_USED.uri(), EidCheck.Reason.USED);

    private final PortalClient client;
    private final SyncSettings settings;
    private final ObjectMapper json = CatalogueReader.mapper();

    EidLookup(PortalClient client, SyncSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    EidCheck verify(String token) {
        PortalClient.Reply reply = client.postJson(ApiPaths.EID_VERIFICATIONS, null,
                SubmissionPayloads.write(new EidVerificationRequest(settings.kioskId(), token)));
        if (!(reply instanceof PortalClient.Reply.Answered a)) {
            return new EidCheck.Unavailable(((PortalClient.Reply.NoAnswer) reply).error());
        }
        if (a.status() == 200) {
            try {
                return new EidCheck.Verified(BoundedJson.readValue(json, a.body(), EidIdentity.class));
            } catch (IOException e) {
                return new EidCheck.Unavailable("the portal's answer was unreadable");
            }
        }
        EidCheck.Reason refused = client.problemType(a).map(REFUSALS::get).orElse(null);
        return refused != null ? new EidCheck.Refused(refused) : new EidCheck.Unavailable(client.describe(a));
    }
}
